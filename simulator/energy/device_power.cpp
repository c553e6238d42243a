#include "energy/device_power.h"

#include "device/device_section.h"

namespace tinysim {

Result<PowerProfile> device_power(const Device& device) {
  auto power = device_section(device, "power");
  if (!power) return power.error();
  if (!power.value())
    return make_error("device " + device.name + " has no power: section, so energy cannot be estimated",
                      device.file);
  return parse_power_profile(*power.value(), device.regulator);
}

Result<Device> with_regulator(Device device, const std::string& regulator) {
  device.regulator = regulator;
  auto power = device_power(device);
  if (!power) return power.error();
  return device;
}

}  // namespace tinysim
