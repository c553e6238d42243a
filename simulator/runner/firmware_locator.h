#pragma once
// Where TinySim's own firmware ELFs are: built once per core and memory layout into
// <build>/firmware/<core>/<program>-<layout>.elf, found without any path from the user.
#include <string>

#include "core/error.h"
#include "device/device.h"

namespace tinysim {

/// The firmware directory: $TINYSIM_FIRMWARE_DIR if set, else <exe>/../firmware if it
/// exists (build tree and installs), else the build tree this library was built in.
std::string firmware_dir(const std::string& executable_path = "");

/// The ELF of `program` (default: the runtime firmware) for the device's core and layout.
Result<std::string> find_firmware(const Device& device, const std::string& program = "tinysim-fw",
                                  const std::string& dir = firmware_dir());

}  // namespace tinysim
