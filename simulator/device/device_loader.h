#pragma once
// Reads devices/<name>.yaml into a Device, with file:line:column errors.
#include <string>

#include "core/error.h"
#include "device/device.h"

namespace tinysim {

/// Parses one device file. Errors name the file, line, column and field.
Result<Device> load_device_file(const std::string& path);
/// Parses device YAML text; `file` is used only in error messages.
Result<Device> parse_device(const std::string& text, const std::string& file);

}  // namespace tinysim
