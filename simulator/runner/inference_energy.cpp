#include "runner/inference_energy.h"

#include "cost/timing_assumptions.h"
#include "energy/device_power.h"
#include "energy/energy_meter.h"

namespace tinysim {

double InferenceEnergy::joules(uint64_t cycles) const {
  return power ? compute_energy(*power, clock_hz, cycles) : 0.0;
}

InferenceEnergy inference_energy(const Device& device) {
  InferenceEnergy e;
  e.clock_hz = device.clock_hz;
  if (auto timing = timing_assumptions(device)) e.assumptions = timing->lines();
  else e.assumptions = {"no timing figures: " + timing.error().describe()};
  auto power = device_power(device);
  if (!power) {
    e.assumptions.push_back("no energy figures: " + power.error().message);
    return e;
  }
  e.power = power.value();
  e.run_current = power->current(PowerState::Run, device.clock_hz);
  e.assumptions.insert(e.assumptions.end(),
                       {"energy per inference = supply voltage x run current x inference time",
                        "run current " + power->run.basis + " (" + power->run.source + ")",
                        "supply " + std::to_string(power->supply_voltage.value).substr(0, 4) + " V (" +
                            power->supply_voltage.source + ")"});
  if (!power->regulator.empty()) e.assumptions.push_back(regulator_assumption(*power));
  return e;
}

}  // namespace tinysim
