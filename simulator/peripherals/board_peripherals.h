#pragma once
// The peripherals a device file lists under `peripherals:` (Arm's reference boards
// name their UART there), built for one run. Each entry is
// {kind, name, base, source}; kinds today: cmsdk_apb_uart.
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "device/device.h"
#include "peripherals/console.h"
#include "peripherals/firmware_misuse.h"

namespace tinysim {

class BoardPeripherals {
 public:
  /// Reads the device file's `peripherals:` (none is fine). UART output goes to
  /// `console`, which must outlive the result.
  static Result<std::unique_ptr<BoardPeripherals>> create(const Device& device, Console& console);

  /// The blocks to map into the machine (owned here).
  const std::vector<std::unique_ptr<Peripheral>>& blocks() const { return blocks_; }
  /// What the firmware did wrong with them (TX disabled, bad BAUDDIV, ...).
  const MisuseLog& misuse() const { return misuse_; }

 private:
  MisuseLog misuse_;
  std::vector<std::unique_ptr<Peripheral>> blocks_;
};

}  // namespace tinysim
