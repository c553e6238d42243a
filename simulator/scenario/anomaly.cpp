#include "scenario/anomaly.h"

#include <cmath>

#include "anomaly/reconstruction_error.h"

namespace tinysim {

uint32_t anomaly_threshold_q16(double threshold) {
  return static_cast<uint32_t>(std::lround(threshold * tinyrt::kScoreOne));
}

Status check_autoencoder(const Scenario& s, const ModelSummary& model) {
  const TensorSummary& in = model.inputs.at(0);
  if (model.outputs.size() != 1 || model.outputs[0].bytes != in.bytes || model.outputs[0].type != "int8")
    return s.fields.error("anomaly_threshold", "an anomaly threshold needs an autoencoder: one int8 output the size "
                                               "of its input (" + std::to_string(in.bytes) + " values)");
  const TensorSummary& out = model.outputs[0];
  tinyrt::ReconstructionError error;
  if (!error.prepare({static_cast<float>(in.scale), static_cast<int32_t>(in.zero_point)},
                     {static_cast<float>(out.scale), static_cast<int32_t>(out.zero_point)},
                     static_cast<uint32_t>(in.bytes)))
    return s.fields.error("anomaly_threshold", "the chip's reconstruction error needs positive scales, at most 65536 "
                                               "values and an output scale at most 128 times the input's");
  return std::nullopt;
}

}  // namespace tinysim
