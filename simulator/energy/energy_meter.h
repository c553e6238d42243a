#pragma once
// Energy = sum of V * I * t over the simulated power timeline, by core power state
// and by component (compute, sleep, wake-ups, sensors, radio).
#include <cstdint>
#include <string>
#include <vector>

#include "energy/power_profile.h"
#include "machine/run_result.h"

namespace tinysim {

/// A load outside the core: a sensor drawing `current` for `seconds`, or the radio
/// transmitting (tx current for the air time).
struct ExternalLoad {
  std::string component;  ///< "sensor: accelerometer", "radio"
  double current = 0;     ///< A
  double seconds = 0;
  std::string source;
};

struct StateEnergy {
  PowerState state = PowerState::Run;
  double seconds = 0;
  double current = 0;  ///< A
  double energy = 0;   ///< J
};

struct ComponentEnergy {
  std::string component;
  double energy = 0;  ///< J
  double charge = 0;  ///< C
};

struct EnergyReport {
  double seconds = 0;
  double supply_voltage = 0;
  std::string regulator;                    ///< the regulator mode of the currents, if the device names one
  std::vector<StateEnergy> states;          ///< run, sleep, deep sleep
  std::vector<ComponentEnergy> components;  ///< core states, wake-ups, each external load
  uint64_t wakeups = 0;
  double energy = 0;           ///< J, everything
  double average_current = 0;  ///< A over the run
  double peak_current = 0;     ///< A, run current plus loads that may overlap it
  std::vector<std::string> assumptions;
};

/// Prices a run: the power timeline from the machine (cycles at clock_hz, ending at
/// end_cycle) plus external loads.
EnergyReport measure_energy(const PowerProfile& profile, uint32_t clock_hz, const std::vector<PowerChange>& timeline,
                            uint64_t end_cycle, const std::vector<ExternalLoad>& loads);

/// "regulator ldo: the currents are this mode's (modes in the device file: dcdc, ldo)".
std::string regulator_assumption(const PowerProfile& profile);

/// Energy of `cycles` of computation at run current (e.g. one inference), J.
double compute_energy(const PowerProfile& profile, uint32_t clock_hz, uint64_t cycles);

}  // namespace tinysim
