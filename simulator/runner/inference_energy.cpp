#include "runner/inference_energy.h"

#include "energy/device_power.h"
#include "energy/energy_meter.h"

namespace tinysim {

double InferenceEnergy::joules(uint64_t cycles) const {
  return power ? compute_energy(*power, clock_hz, cycles) : 0.0;
}

InferenceEnergy inference_energy(const Device& device) {
  InferenceEnergy e;
  e.clock_hz = device.clock_hz;
  auto power = device_power(device);
  if (!power) {
    e.assumptions = {"no energy figures: " + power.error().message};
    return e;
  }
  e.power = power.value();
  e.run_current = power->current(PowerState::Run, device.clock_hz);
  e.assumptions = {"core timing: " + std::string(core_name(device.core)) + " cycle model (simulator/cost), " +
                       std::to_string(device.clock_hz) + " Hz",
                   "energy per inference = supply voltage x run current x inference time",
                   "run current " + power->run.basis + " (" + power->run.source + ")",
                   "supply " + std::to_string(power->supply_voltage.value).substr(0, 4) + " V (" +
                       power->supply_voltage.source + ")"};
  return e;
}

}  // namespace tinysim
