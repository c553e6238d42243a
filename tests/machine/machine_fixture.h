#pragma once
// Helpers for firmware tests: a real device, a test firmware built for its core
// and layout, run to the end.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "boot_info_stub.h"
#include "device/device_catalog.h"
#include "elf/elf_image.h"
#include "machine/machine.h"

namespace tinysim::test {

inline std::string devices_dir() { return std::string(TINYSIM_SOURCE_DIR) + "/devices"; }

inline Device device(const std::string& name) {
  auto found = find_device(name, devices_dir());
  EXPECT_TRUE(found.ok()) << (found.ok() ? "" : found.error().describe());
  return found.ok() ? *found : Device{};
}

/// <firmware dir>/<core>/<program>-<layout>.elf for the device.
inline std::string firmware_path(const std::string& program, const Device& d) {
  return std::string(TINYSIM_TEST_FIRMWARE_DIR) + "/" + core_name(d.core) + "/" + program + "-" +
         d.firmware_layout() + ".elf";
}

/// A machine for `program` on `device_name`, with the boot-info stub mapped.
struct Bench {
  Device dev;
  std::unique_ptr<BootInfoStub> boot;
  std::unique_ptr<Machine> machine;

  Bench(const std::string& program, const std::string& device_name) : Bench(program, device(device_name)) {}

  /// `program` on a device as given (a changed clock or core).
  Bench(const std::string& program, const Device& d) : dev(d) {
    auto elf = load_elf(firmware_path(program, dev));
    if (!elf.ok()) {
      ADD_FAILURE() << elf.error().describe();
      return;
    }
    auto created = Machine::create(dev, *elf);
    if (!created.ok()) {
      ADD_FAILURE() << created.error().describe();
      return;
    }
    machine = std::move(*created);
    boot = std::make_unique<BootInfoStub>(dev.main_ram()->origin, dev.main_ram()->size);
    if (auto error = machine->add_peripheral(*boot)) ADD_FAILURE() << error->describe();
  }

  RunResult run(const RunLimits& limits = {}) {
    if (!machine) return {};
    auto result = machine->run(limits);
    if (!result.ok()) {
      ADD_FAILURE() << result.error().describe();
      return {};
    }
    return *result;
  }
};

inline std::string describe(const RunResult& r) {
  return "console: '" + r.console + "' fault: " + (r.fault ? r.fault->describe() : std::string("none"));
}

}  // namespace tinysim::test
