#include "device/device_section.h"

#include <yaml-cpp/yaml.h>

namespace tinysim {

Result<YAML::Node> device_yaml(const Device& device) {
  return load_yaml_file(device.file, "the device file");
}

Result<std::optional<YamlFields>> device_section(const Device& device, std::string_view key) {
  if (device.file.empty()) return std::optional<YamlFields>{};
  auto root = device_yaml(device);
  if (!root) return root.error();
  const YamlFields top(*root, device.file, "");
  if (!top.has(key)) return std::optional<YamlFields>{};
  auto section = top.map(key);
  if (!section) return section.error();
  return std::optional<YamlFields>{section.value()};
}

}  // namespace tinysim
