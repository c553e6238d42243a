#pragma once
// `tinysim model run|validate`: the user's input tensors through a model, either on an
// emulated device with TinySim's runtime firmware (cycles, latency and energy of each
// inference) or on the host build of the same runtime (outputs only).
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "device/device.h"
#include "model/model_summary.h"
#include "runner/tensor_inference.h"

namespace tinysim {

struct InferenceFigures {
  uint64_t cycles = 0;
  double latency_s = 0;
  double energy_j = 0;  ///< 0 when the device has no power figures
};

struct InferenceRun {
  std::string target;                    ///< the device's name, or "host"
  std::string core;                      ///< empty on the host
  uint32_t clock_hz = 0;                 ///< 0 on the host
  std::vector<TensorSet> outputs;        ///< per inference, every output tensor
  std::vector<InferenceFigures> figures; ///< per inference; empty on the host
  std::vector<std::string> assumptions;  ///< behind the energy figures
};

/// Runs every entry of `inputs` (one tensor per model input). `device` null: the host
/// build. Errors: the model does not fit, a firmware fault or error.
Result<InferenceRun> run_model(const std::vector<uint8_t>& model, const ModelSummary& summary,
                           const std::vector<TensorSet>& inputs, const Device* device, uint32_t stack_bytes = 8192);

}  // namespace tinysim
