#pragma once
// Batteries from devices/batteries.yaml and how long one lasts at an average
// current: usable charge (derated for pulsed load on coin cells) over the average
// current plus self-discharge, with the state of charge over time for plotting.
#include <string>
#include <vector>

#include "core/error.h"

namespace tinysim {

/// Usable fraction of the rated capacity when the load peaks at `peak_current`.
struct DeratingPoint {
  double peak_current = 0;  ///< A
  double usable = 1;        ///< 0..1
};

struct Battery {
  std::string name;
  std::string description;
  double capacity = 0;         ///< C (rated)
  double nominal_voltage = 0;  ///< V
  double cutoff_voltage = 0;   ///< V
  double self_discharge = 0;   ///< fraction of capacity per year
  std::vector<DeratingPoint> derating;  ///< sorted by peak current; empty: none
  std::string source;
};

struct SocPoint {
  double days = 0;
  double percent = 0;
};

struct BatteryLife {
  std::string battery;
  double usable_charge = 0;        ///< C after derating
  double derating = 1;             ///< usable fraction applied
  double self_discharge_current = 0;  ///< A equivalent
  double hours = 0;
  std::vector<SocPoint> state_of_charge;  ///< 0% at `hours`
  std::vector<std::string> assumptions;

  double days() const { return hours / 24.0; }
  double years() const { return hours / (24.0 * 365.25); }
};

/// One battery file (devices/batteries/<name>.yaml, or a user's own).
Result<Battery> load_battery_file(const std::string& path);
/// Every battery in `dir`, sorted by name; the first bad file is an error.
Result<std::vector<Battery>> list_batteries(const std::string& dir);
/// A battery by name from `dir`, or a path to a battery file; an unknown name
/// lists the known ones.
Result<Battery> find_battery(const std::string& name_or_path, const std::string& dir);

/// Life at `average_current` with pulses up to `peak_current` (A).
BatteryLife estimate_battery_life(const Battery& battery, double average_current, double peak_current);

}  // namespace tinysim
