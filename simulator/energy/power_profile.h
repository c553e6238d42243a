#pragma once
// A chip's currents per power state and supply voltage, from the `power:` section
// of its device file, each figure with its datasheet source.
#include <optional>
#include <string>

#include "core/yaml_fields.h"
#include "machine/run_result.h"

namespace tinysim {

struct SourcedFigure {
  double value = 0;    ///< SI units
  std::string source;  ///< datasheet, table or section
};

struct PowerProfile {
  SourcedFigure supply_voltage;  ///< V
  /// Run current per Hz of core clock (A/Hz). A datasheet figure given as a current
  /// at one clock is stored as current / clock: linear scaling, stated in assumptions.
  SourcedFigure run_current_per_hz;
  std::string run_basis;           ///< "45 uA/MHz" or "3.3 mA at 64 MHz" as written
  SourcedFigure sleep_current;     ///< A, WFI sleep with the wake-up source running
  SourcedFigure deep_sleep_current;  ///< A, deep sleep / stop with RAM retention
  SourcedFigure wakeup_time;       ///< s at run current per wake-up from (deep) sleep
  std::optional<SourcedFigure> radio_tx_current;  ///< A while transmitting
  std::optional<SourcedFigure> radio_bitrate;     ///< bit/s on air (as Hz)

  double current(PowerState state, uint32_t clock_hz) const;
};

/// Reads `power:` (see devices/README.md for the keys). Errors carry file:line.
Result<PowerProfile> parse_power_profile(const YamlFields& power);

}  // namespace tinysim
