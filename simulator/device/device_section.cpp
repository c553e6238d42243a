#include "device/device_section.h"

#include <yaml-cpp/yaml.h>

namespace tinysim {

Result<std::optional<YamlFields>> device_section(const Device& device, std::string_view key) {
  if (device.file.empty()) return std::optional<YamlFields>{};
  YAML::Node root;
  try {
    root = YAML::LoadFile(device.file);
  } catch (const YAML::Exception& e) {
    return make_error("cannot read the device file: " + e.msg, device.file);
  }
  const YamlFields top(root, device.file, "");
  if (!top.has(key)) return std::optional<YamlFields>{};
  auto section = top.map(key);
  if (!section) return section.error();
  return std::optional<YamlFields>{section.value()};
}

}  // namespace tinysim
