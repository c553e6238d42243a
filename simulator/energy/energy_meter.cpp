#include "energy/energy_meter.h"

#include <cstdio>

#include "core/join.h"

namespace tinysim {
namespace {

std::string amps(double a) {
  char buf[48];
  if (a >= 1e-3) std::snprintf(buf, sizeof buf, "%.3g mA", a * 1e3);
  else std::snprintf(buf, sizeof buf, "%.3g uA", a * 1e6);
  return buf;
}

std::string fixed(double v, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string state_assumption(const char* name, const StateCurrent& c, uint32_t clock_hz) {
  std::string text = std::string(name) + " " + amps(c.at(clock_hz));
  if (c.per_hz > 0) text += " at " + fixed(clock_hz / 1e6, 1) + " MHz, scaled linearly with the clock from " + c.basis;
  return text + " (" + c.source + ")";
}

}  // namespace

std::string regulator_assumption(const PowerProfile& profile) {
  std::string text = "regulator " + profile.regulator + ": the currents are this mode's";
  if (profile.regulators.size() > 1) text += " (modes in the device file: " + join(profile.regulators) + ")";
  return text;
}

double compute_energy(const PowerProfile& profile, uint32_t clock_hz, uint64_t cycles) {
  if (clock_hz == 0) return 0;
  return profile.supply_voltage.value * profile.current(PowerState::Run, clock_hz) * double(cycles) / clock_hz;
}

EnergyReport measure_energy(const PowerProfile& profile, uint32_t clock_hz, const std::vector<PowerChange>& timeline,
                            uint64_t end_cycle, const std::vector<ExternalLoad>& loads) {
  EnergyReport r;
  r.supply_voltage = profile.supply_voltage.value;
  r.regulator = profile.regulator;
  r.seconds = clock_hz ? double(end_cycle) / clock_hz : 0;
  for (PowerState s : {PowerState::Run, PowerState::Sleep, PowerState::DeepSleep})
    r.states.push_back({s, 0, profile.current(s, clock_hz), 0});

  for (size_t i = 0; i < timeline.size(); ++i) {
    const uint64_t from = timeline[i].cycle;
    const uint64_t to = i + 1 < timeline.size() ? timeline[i + 1].cycle : end_cycle;
    if (to <= from || clock_hz == 0) continue;
    r.states[static_cast<size_t>(timeline[i].state)].seconds += double(to - from) / clock_hz;
    if (i > 0 && timeline[i].state == PowerState::Run && timeline[i - 1].state != PowerState::Run) ++r.wakeups;
  }
  const double v = r.supply_voltage;
  for (StateEnergy& s : r.states) {
    s.energy = v * s.current * s.seconds;
    r.components.push_back({"core " + power_state_name(s.state), s.energy, s.current * s.seconds});
    r.energy += s.energy;
  }
  const double run_current = profile.current(PowerState::Run, clock_hz);
  const double wake_charge = double(r.wakeups) * profile.wakeup_time.value * run_current;
  r.components.push_back({"wake-ups", v * wake_charge, wake_charge});
  r.energy += v * wake_charge;

  r.peak_current = run_current;
  for (const ExternalLoad& load : loads) {
    const double charge = load.current * load.seconds;
    r.components.push_back({load.component, v * charge, charge});
    r.energy += v * charge;
    r.peak_current += load.current;
    r.assumptions.push_back(load.component + ": " + amps(load.current) + " for " + fixed(load.seconds, 3) +
                            " s (" + load.source + ")");
  }
  r.average_current = r.seconds > 0 && v > 0 ? r.energy / v / r.seconds : 0;

  r.assumptions.insert(r.assumptions.begin(),
                       {"supply " + fixed(v, 2) + " V (" + profile.supply_voltage.source + ")",
                        state_assumption("run", profile.run, clock_hz),
                        state_assumption("sleep", profile.sleep, clock_hz),
                        state_assumption("deep sleep", profile.deep_sleep, clock_hz),
                        "each wake-up costs " + fixed(profile.wakeup_time.value * 1e6, 1) +
                            " us at run current" +
                            (profile.wakeup_time.source.empty() ? std::string(" (no figure given)")
                                                                : " (" + profile.wakeup_time.source + ")")});
  if (!profile.regulator.empty()) r.assumptions.insert(r.assumptions.begin() + 1, regulator_assumption(profile));
  return r;
}

}  // namespace tinysim
