#pragma once
// The pieces of the firmware application, one file each.
#include <stdint.h>

#include "anomaly/reconstruction_error.h"
#include "app/decision.h"
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

/// An autoencoder's decision on the chip: each inference's reconstruction error against
/// the host's threshold (CONFIG ANOMALY_THRESHOLD). The arena may reuse the input tensor
/// during the inference, so the input is kept in `kept_input` first.
struct AnomalyDecision {
  uint32_t threshold = 0;         ///< Q16.16; 0: the model classifies (no decision)
  int8_t* kept_input = nullptr;   ///< a copy of the model input, its bytes long
  ReconstructionError error;
};

/// Checks the model is an autoencoder and prepares the score; returns 0 or the exit code
/// of the error it published.
int prepare_anomaly(Interpreter& interpreter, AnomalyDecision& decision);

/// Runs one inference with profile markers and publishes its first `outputs` output
/// tensors, one result each, in the model's order: class by the largest score or, with
/// an anomaly decision, 1 when the reconstruction error is above the threshold, or with
/// a keyword decision, the class it decides (the output bytes stay the raw scores).
void infer_and_publish(Interpreter& interpreter, uint32_t inference, uint32_t outputs = 1,
                       AnomalyDecision* anomaly = nullptr, KeywordDecision* keywords = nullptr);

/// The keyword decision the host configured (CONFIG DECISION_*), prepared for the model's
/// first output. Returns 0 (`active` false when CONFIG DECISION_WINDOWS is 0) or the exit
/// code of the error it published.
int prepare_keyword_decision(Interpreter& interpreter, KeywordDecision& decision, bool& active);

/// Host-fed raw input tensors until the host has none left. Returns the exit code.
int run_tensor_mode(Interpreter& interpreter);

/// The feature pipeline the host configured (CONFIG words, sensor channels and rate).
FeatureConfig configured_features();

/// Sensor windows -> features -> inference until the stream ends, with `window`
/// (window_frames x channels int16) for the DMA. Returns the exit code.
int run_scenario_mode(Interpreter& interpreter, FeaturePipeline& features, int16_t* window,
                      AnomalyDecision& anomaly, KeywordDecision& keywords);

}  // namespace tinyrt::app
