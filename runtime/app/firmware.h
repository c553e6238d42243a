#pragma once
// The pieces of the firmware application, one file each.
#include <stdint.h>

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

/// Runs one inference with profile markers and publishes the output.
void infer_and_publish(Interpreter& interpreter, uint32_t inference);

/// Host-fed raw input tensors until the host has none left. Returns the exit code.
int run_tensor_mode(Interpreter& interpreter);

/// Sensor windows -> features -> inference until the stream ends, using `window`
/// (window_samples int16) for the DMA. Returns the exit code.
int run_scenario_mode(Interpreter& interpreter, int16_t* window, uint32_t window_samples);

/// Fills the model's input tensor from one sensor window, as CONFIG's feature kind says.
/// False (with an error published) when the window and the input do not fit together.
bool extract_features(const int16_t* window, uint32_t frames, uint32_t channels, Tensor& input);

}  // namespace tinyrt::app
