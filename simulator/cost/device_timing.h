#pragma once
// The `timing:` section of a device file: the core option (M0+ multiplier) and how
// flash is read at the device's clock (wait states from a table by clock, the
// prefetch buffer / flash accelerator / XIP cache as small line caches).
#include <cstdint>
#include <string>

#include "core/error.h"
#include "core/yaml_fields.h"
#include "cost/cycle_model.h"
#include "device/device.h"

namespace tinysim {

/// Flash reads at one clock. A read of a line the accelerator does not hold costs
/// `wait_states` extra cycles (the TRM tables assume zero wait states).
struct FlashTiming {
  unsigned wait_states = 0;          ///< at the device clock, from the table below
  std::string wait_state_source;     ///< reference manual table
  uint32_t line_bytes = 8;           ///< bytes one flash read returns (a power of two)
  unsigned instruction_lines = 0;    ///< instruction cache lines (0: none)
  unsigned data_lines = 0;           ///< data cache lines for loads from flash (0: none)
  bool prefetch = false;             ///< the next sequential line is read ahead
  std::string accelerator;           ///< "ART accelerator: ..." as the report prints it
  std::string accelerator_source;
};

struct DeviceTiming {
  CoreOptions core;
  std::string multiplier;            ///< "single-cycle" / "iterative" (M0+), empty otherwise
  std::string multiplier_source;
  FlashTiming flash;
  bool from_file = false;            ///< false: no `timing:` section, zero wait states
};

/// The device's timing at its clock (device.clock_hz). Errors name file:line:column
/// and the field; a clock above the wait-state table's last entry is an error.
Result<DeviceTiming> device_timing(const Device& device);

/// The same from a `timing:` map (tests, tools).
Result<DeviceTiming> parse_device_timing(const YamlFields& timing, CoreKind core, uint32_t clock_hz);

}  // namespace tinysim
