#pragma once
// Inferences on given input tensors, two ways: TinySim's runtime firmware in tensor
// mode on an emulated device (inputs through the TENSOR_INPUT block, outputs from the
// result mailbox, cycles from the profile markers), or the host build of the same
// runtime (the reference the device must match; no cycles).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "device/device.h"
#include "machine/run_result.h"
#include "peripherals/profile_recorder.h"

namespace tinysim {

/// One raw tensor per model input (or output), in the model's order.
using TensorSet = std::vector<std::vector<uint8_t>>;

struct DeviceInferences {
  std::vector<TensorSet> outputs;          ///< per inference
  std::vector<InferenceTiming> timings;    ///< per inference, with per-op spans
  std::optional<ArenaFigures> arena;       ///< as the firmware reported it
  std::string console;                     ///< what the firmware printed
  RunResult run;
};

/// Runs one inference per entry of `inputs` on the emulated device: the firmware takes
/// each entry's tensors into the model's inputs in order and publishes `output_count`
/// outputs per inference. Errors: a fault, an error the firmware reported, missing
/// inferences (each naming `model_file`).
Result<DeviceInferences> run_on_device(const Device& device, const std::vector<uint8_t>& model,
                                       const std::vector<TensorSet>& inputs, size_t output_count,
                                       uint32_t stack_bytes, const std::string& model_file);

/// The host build of the runtime on each entry of `inputs`: every output tensor.
Result<std::vector<TensorSet>> run_on_host(const std::vector<uint8_t>& model, const std::vector<TensorSet>& inputs,
                                           const std::string& model_file);

}  // namespace tinysim
