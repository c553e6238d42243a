#pragma once
// A chip's currents per power state and supply voltage, from the `power:` section
// of its device file, each figure with its datasheet source.
#include <optional>
#include <string>
#include <vector>

#include "core/yaml_fields.h"
#include "machine/run_result.h"

namespace tinysim {

struct SourcedFigure {
  double value = 0;    ///< SI units
  std::string source;  ///< datasheet, table or section
};

/// A state's current: fixed (sleep with the clocks off) or proportional to the core
/// clock (run, and WFI sleep where the system clock keeps running). A datasheet figure
/// given at one clock ("3.3 mA at 64 MHz") becomes per-Hz: linear scaling, stated in
/// the report's assumptions.
struct StateCurrent {
  double fixed = 0;    ///< A
  double per_hz = 0;   ///< A/Hz
  std::string basis;   ///< as written: "45 uA/MHz", "3.3 mA at 64 MHz", "1.5 uA"
  std::string source;
  double at(uint32_t clock_hz) const { return fixed + per_hz * clock_hz; }
};

struct PowerProfile {
  /// The regulator mode the figures are for (e.g. "dcdc" or "ldo"; empty when the file
  /// names none), and every mode the file has figures for (the default first).
  std::string regulator;
  std::vector<std::string> regulators;
  SourcedFigure supply_voltage;  ///< V
  StateCurrent run;
  StateCurrent sleep;       ///< WFI sleep as TinySim's firmware uses it, wake-up source running
  StateCurrent deep_sleep;  ///< deepest state keeping RAM that a timer or the sensor wakes
  SourcedFigure wakeup_time;  ///< s at run current per wake-up from (deep) sleep
  std::optional<SourcedFigure> radio_tx_current;  ///< A while transmitting
  std::optional<SourcedFigure> radio_bitrate;     ///< bit/s on air (as Hz)

  double current(PowerState state, uint32_t clock_hz) const;
  const StateCurrent& state(PowerState state) const;
};

/// Reads `power:` (see devices/README.md for the keys) with the figures of regulator
/// mode `regulator` (empty: the file's default `regulator:`), which are the default
/// figures with what `regulators.<mode>` gives instead. Errors carry file:line.
Result<PowerProfile> parse_power_profile(const YamlFields& power, const std::string& regulator = "");

}  // namespace tinysim
