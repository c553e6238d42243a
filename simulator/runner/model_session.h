#pragma once
// One run of TinySim's runtime firmware with a model on an emulated device: the
// firmware for the device's core, the model in its flash partition, the TinySim
// peripheral block (sensor or host-fed input tensors) and the machine.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "device/device.h"
#include "machine/machine.h"
#include "peripherals/tinysim_block.h"
#include "runner/model_partition.h"

namespace tinysim {

struct ModelSessionOptions {
  std::string firmware_path;   ///< empty: TinySim's firmware for the device (find_firmware)
  uint32_t stack_size = 8192;  ///< bytes the firmware keeps for its stack
  TinySimSettings block;       ///< mode, inputs or sensor, config words (system fields are filled in)
};

class ModelSession {
 public:
  /// Loads the firmware, places the model (none when `model` is empty: SYSINFO.MODEL_ADDR
  /// reads 0), builds the machine. Errors are the user's (model too big for flash,
  /// firmware missing, bad ELF).
  static Result<std::unique_ptr<ModelSession>> create(const Device& device, const std::vector<uint8_t>& model,
                                                      ModelSessionOptions options);
  Result<RunResult> run(const RunLimits& limits = {});

  const TinySimBlock& block() const { return *block_; }
  const Machine& machine() const { return *machine_; }
  const ModelPartition& partition() const { return partition_; }

 private:
  ModelSession() = default;
  ModelPartition partition_;
  std::unique_ptr<TinySimBlock> block_;
  std::unique_ptr<Machine> machine_;
};

}  // namespace tinysim
