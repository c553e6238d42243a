#pragma once
// The pieces of the firmware application, one file each.
#include <stdint.h>

#include "features/feature_pipeline.h"
#include "hal/hal.h"
#include "interpreter/interpreter.h"

namespace tinyrt::app {

/// Writes profile markers around each op (exact per-op cycles on the simulated clock).
class ProfileMarkers final : public OpObserver {
 public:
  void op_begin(int32_t op_index, int32_t builtin_code) override;
  void op_end(int32_t op_index) override;
};

/// Publishes an error through the result mailbox and the console; returns the exit code.
int fail(uint32_t code, uint32_t detail, const char* message);

/// Runs one inference with profile markers and publishes its first `outputs` output
/// tensors, one result each, in the model's order.
void infer_and_publish(Interpreter& interpreter, uint32_t inference, uint32_t outputs = 1);

/// Host-fed raw input tensors until the host has none left. Returns the exit code.
int run_tensor_mode(Interpreter& interpreter);

/// The feature pipeline the host configured (CONFIG words, sensor channels and rate).
FeatureConfig configured_features();

/// Sensor windows -> features -> inference until the stream ends, with `window`
/// (window_frames x channels int16) for the DMA. Returns the exit code.
int run_scenario_mode(Interpreter& interpreter, FeaturePipeline& features, int16_t* window);

}  // namespace tinyrt::app
