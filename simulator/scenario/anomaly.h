#pragma once
// Anomaly decisions for autoencoders are made on the chip (runtime/anomaly): the firmware
// scores each inference by its reconstruction error, compares it with the scenario's
// threshold (CONFIG ANOMALY_THRESHOLD) and publishes the score and the class. The
// scenario engine checks the model can be decided that way and passes the threshold.
#include <cstdint>

#include "core/error.h"
#include "model/model_summary.h"
#include "scenario/scenario.h"

namespace tinysim {

/// The threshold as the chip reads it: Q16.16, rounded to the nearest 1/65536.
uint32_t anomaly_threshold_q16(double threshold);

/// Errors (at anomaly_threshold): the model is not an autoencoder (one int8 output the
/// size of its one int8 input) or its scales are outside what the chip's score takes.
Status check_autoencoder(const Scenario& scenario, const ModelSummary& model);

}  // namespace tinysim
