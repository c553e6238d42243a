#pragma once
// Anomaly decisions for autoencoder models: the chip publishes a reconstruction of its
// input; the scenario engine scores each result by the mean squared difference between
// the window's model input (the same feature pipeline built for the host, bit-identical
// to the firmware's) and that reconstruction, both dequantised, and calls it classes[1]
// (anomaly) above the threshold, classes[0] below. The chip's cycles do not include this
// last comparison.
#include <vector>

#include "core/error.h"
#include "model/model_summary.h"
#include "peripherals/result_mailbox.h"
#include "scenario/scenario.h"
#include "sensors/sensor_source.h"

namespace tinysim {

struct AnomalyScores {
  std::vector<double> scores;                 ///< per result; -1 when it had no full window
  std::vector<InferenceResult> decided;       ///< the results with predicted_class set by the threshold
};

/// Errors: the model's output is not the size of its input (not an autoencoder).
Result<AnomalyScores> decide_anomalies(const Scenario& scenario, const ModelSummary& model,
                                       const SensorSource& source, const std::vector<InferenceResult>& results);

}  // namespace tinysim
