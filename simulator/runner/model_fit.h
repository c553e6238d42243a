#pragma once
// Does a model fit a device with TinySim's firmware? Flash: firmware + the model's
// 4 KiB-aligned partition. RAM: the firmware's .data/.bss, the sensor window buffer,
// the tensor arena the planner needs, and the stack.
#include <cstdint>
#include <string>

#include "core/error.h"
#include "device/device.h"
#include "model/model_summary.h"

namespace tinysim {

struct ModelFit {
  std::string device;
  uint64_t flash_firmware = 0;
  uint64_t flash_model = 0;     ///< partition start padding + model bytes
  uint64_t flash_capacity = 0;
  uint64_t ram_static = 0;      ///< .data + .bss
  uint64_t ram_window = 0;
  uint64_t ram_arena = 0;
  uint64_t ram_stack = 0;
  uint64_t ram_capacity = 0;    ///< the RAM the firmware runs in (adjacent SRAM banks as one)

  uint64_t flash_used() const { return flash_firmware + flash_model; }
  uint64_t ram_used() const { return ram_static + ram_window + ram_arena + ram_stack; }
  bool flash_fits() const { return flash_used() <= flash_capacity; }
  bool ram_fits() const { return ram_used() <= ram_capacity; }
  bool fits() const { return flash_fits() && ram_fits(); }
  /// One line per resource that does not fit, with the numbers ("" when it fits).
  std::string shortfall() const;
};

/// The fit of `summary` on `device` with TinySim's firmware (found for its core).
Result<ModelFit> check_model_fit(const Device& device, const ModelSummary& summary, uint32_t stack_bytes = 8192,
                                 uint32_t window_bytes = 0);

}  // namespace tinysim
