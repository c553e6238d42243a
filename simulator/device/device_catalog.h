#pragma once
// Finding device files: the devices/ folder next to the build or the source tree.
#include <string>
#include <vector>

#include "core/error.h"
#include "device/device.h"

namespace tinysim {

/// Where devices/*.yaml live: `override_dir` if given; else <exe>/../../devices
/// (run from the build tree) if it exists; else the source tree's devices/.
std::string devices_dir(const std::string& executable_path = "", const std::string& override_dir = "");
/// Every device in `dir`, sorted by name; the first bad file is an error.
Result<std::vector<Device>> list_devices(const std::string& dir);
/// devices/<name>.yaml from `dir`; an unknown name lists the known ones.
Result<Device> find_device(const std::string& name, const std::string& dir);

}  // namespace tinysim
