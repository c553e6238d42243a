#include "runner/firmware_locator.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "core/join.h"

namespace tinysim {

std::string firmware_dir(const std::string& executable_path) {
  if (const char* env = std::getenv("TINYSIM_FIRMWARE_DIR"); env && *env) return env;
  namespace fs = std::filesystem;
  if (!executable_path.empty()) {
    std::error_code ec;
    const fs::path beside = fs::weakly_canonical(fs::path(executable_path), ec).parent_path() / ".." / "firmware";
    if (!ec && fs::is_directory(beside)) return beside.lexically_normal().string();
  }
  return TINYSIM_BUILD_FIRMWARE_DIR;
}

Result<std::string> find_firmware(const Device& device, const std::string& program, const std::string& dir) {
  const std::string path = dir + "/" + core_name(device.core) + "/" + program + "-" + device.firmware_layout() + ".elf";
  if (std::filesystem::is_regular_file(path)) return path;
  // Built for other layouts only: say which, so the user knows it is the layout, not the build.
  std::vector<std::string> layouts;
  const std::string prefix = program + "-";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir + "/" + core_name(device.core), ec)) {
    const std::string file = entry.path().filename().string();
    if (file.rfind(prefix, 0) == 0 && entry.path().extension() == ".elf")
      layouts.push_back(file.substr(prefix.size(), file.size() - prefix.size() - 4));
  }
  std::sort(layouts.begin(), layouts.end());
  Error e;
  e.message = "no " + program + " firmware for " + core_name(device.core) + " with memory layout " +
              device.firmware_layout() + " (device " + device.name + "): expected " + path;
  if (layouts.empty()) {
    e.message += "; build the `firmware` target, or set TINYSIM_FIRMWARE_DIR";
  } else {
    e.message += "; it is built for the layouts " + join(layouts) + " only (flash-RAM origins, TINYSIM_LAYOUTS in cmake/FirmwareCore.cmake): add " +
                 device.firmware_layout() + " there to run it on " + device.name;
  }
  return e;
}

}  // namespace tinysim
