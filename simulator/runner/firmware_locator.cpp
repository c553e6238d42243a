#include "runner/firmware_locator.h"

#include <cstdlib>
#include <filesystem>

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
  Error e;
  e.message = "no " + program + " firmware for " + core_name(device.core) + " with memory layout " +
              device.firmware_layout() + " (device " + device.name + "): expected " + path +
              "; build the `firmware` target, or set TINYSIM_FIRMWARE_DIR";
  return e;
}

}  // namespace tinysim
