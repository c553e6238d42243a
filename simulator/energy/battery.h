#pragma once
// Batteries from devices/batteries/*.yaml and how long one lasts at an average
// current: usable charge (derated for pulsed load on coin cells) over the average
// current plus self-discharge, but never longer than the cell's shelf life, with
// the state of charge over time for plotting.
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
  double shelf_life = 0;       ///< s: storage life the datasheet gives; no cell lasts longer
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
  double charge_hours = 0;         ///< until the usable charge is spent
  double shelf_life_hours = 0;     ///< the battery's shelf life
  double hours = 0;                ///< life: the shorter of the two
  std::vector<SocPoint> state_of_charge;  ///< from 100% to what is left at `hours` (0% unless shelf-limited)
  std::vector<std::string> assumptions;

  double days() const { return hours / 24.0; }
  double years() const { return hours / (24.0 * 365.25); }
  bool limited_by_shelf_life() const { return shelf_life_hours < charge_hours; }
  /// "limited by shelf life 10 years" or "limited by charge".
  std::string limit() const;
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
