#include "energy/device_power.h"

#include <yaml-cpp/yaml.h>

namespace tinysim {

Result<PowerProfile> device_power(const Device& device) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(device.file);
  } catch (const YAML::Exception& e) {
    return make_error("cannot read the device file: " + e.msg, device.file);
  }
  const YamlFields top(root, device.file, "");
  if (!top.has("power"))
    return make_error("device " + device.name + " has no power: section, so energy cannot be estimated",
                      device.file);
  auto power = top.map("power");
  if (!power) return power.error();
  return parse_power_profile(power.value());
}

}  // namespace tinysim
