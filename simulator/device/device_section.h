#pragma once
// A top-level section of a device file that a model reads itself (`power:`,
// `timing:`): the device loader only checks the key is a known one.
#include <optional>
#include <string_view>

#include "core/error.h"
#include "core/yaml_fields.h"
#include "device/device.h"

namespace tinysim {

/// The whole device file as YAML (for a section that is not a map, e.g. the
/// `peripherals:` list); an Error when it cannot be read.
Result<YAML::Node> device_yaml(const Device& device);

/// The map at `key` of the device's file; nullopt when the device has no file
/// (built in code) or the file has no such key; an Error when it cannot be read
/// or `key` is not a map.
Result<std::optional<YamlFields>> device_section(const Device& device, std::string_view key);

}  // namespace tinysim
