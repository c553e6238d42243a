#include "device/device_catalog.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "device/device_loader.h"

namespace fs = std::filesystem;

namespace tinysim {

std::string devices_dir(const std::string& executable_path, const std::string& override_dir) {
  if (!override_dir.empty()) return override_dir;
  std::error_code ec;
  if (!executable_path.empty()) {
    const fs::path exe = fs::absolute(executable_path, ec);
    const fs::path near = exe.parent_path().parent_path().parent_path() / "devices";
    if (!ec && fs::is_directory(near, ec)) return near.string();
  }
#ifdef TINYSIM_BUILD_SOURCE_DIR
  return std::string(TINYSIM_BUILD_SOURCE_DIR) + "/devices";
#else
  return "devices";
#endif
}

Result<std::vector<Device>> list_devices(const std::string& dir) {
  std::error_code ec;
  std::vector<std::string> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".yaml") files.push_back(it->path().string());
  if (ec) return Error{"cannot list device files: " + ec.message(), dir, 0, 0, ""};
  std::sort(files.begin(), files.end());
  std::vector<Device> devices;
  for (const auto& file : files) {
    auto device = load_device_file(file);
    if (!device) return device.error();
    devices.push_back(*device);
  }
  return devices;
}

Result<Device> find_device(const std::string& name, const std::string& dir) {
  const fs::path file = fs::path(dir) / (name + ".yaml");
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    std::string known;
    auto all = list_devices(dir);
    if (all)
      for (const auto& device : *all) known += (known.empty() ? "" : ", ") + device.name;
    return Error{"unknown device '" + name + "' (known: " + (known.empty() ? "none" : known) + ")",
                 dir, 0, 0, "--device"};
  }
  auto device = load_device_file(file.string());
  if (device && device->name != name)
    return Error{"name '" + device->name + "' does not match the file name", file.string(), 0, 0, "name"};
  return device;
}

}  // namespace tinysim
