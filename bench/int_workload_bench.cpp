// bench_int_workload: TinySim's CoreMark-like integer workload (tests/firmware/
// int_workload: list sort, 8x8 matrix multiply, state machine, CRC-16; not CoreMark)
// on one device per core, as the emulated firmware measured it with DWT CYCCNT:
// cycles per iteration, iterations per second at the device clock, per MHz, and the
// checksum, which must be the same on every core.
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "device/device_catalog.h"
#include "elf/elf_image.h"
#include "machine/machine.h"
#include "peripherals/tinysim_block.h"
#include "runner/firmware_locator.h"

namespace {

using namespace tinysim;

struct Measurement {
  unsigned iterations = 0;
  unsigned long long cycles = 0;
  std::string checksum;
};

/// Runs the workload firmware on `device` and reads the line it printed.
Result<Measurement> measure(const Device& device) {
  auto path = find_firmware(device, "int_workload");
  if (!path) return path.error();
  auto elf = load_elf(*path);
  if (!elf) return elf.error();
  auto machine = Machine::create(device, *elf);
  if (!machine) return machine.error();
  TinySimSettings settings;
  settings.system.ram_base = device.main_ram()->origin;
  settings.system.ram_size = device.main_ram()->size;
  TinySimBlock block(std::move(settings));
  if (auto error = (*machine)->add_peripheral(block)) return *error;
  auto result = (*machine)->run();
  if (!result) return result.error();
  if (result->reason != StopReason::Exited || result->exit_code != 0)
    return make_error("the workload did not exit cleanly on " + device.name + ": " +
                      (result->fault ? result->fault->describe() : result->console));
  Measurement m;
  std::istringstream line(result->console);
  std::string word[4];
  line >> word[0] >> word[1] >> m.iterations >> word[2] >> m.cycles >> word[3] >> m.checksum;
  if (!line || word[0] != "int_workload" || m.iterations == 0)
    return make_error("unexpected output from the workload on " + device.name + ": '" + result->console + "'");
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  // One device per core: M0+, M3 (the only M3 is Arm's MPS2 board), M4, M7, M33.
  std::vector<std::string> names = {"samd21g18", "mps2-an385", "stm32l4r5zi", "stm32f746ng", "stm32u585ai"};
  if (argc > 1) names.assign(argv + 1, argv + argc);
  const std::string dir = devices_dir("", std::string(TINYSIM_SOURCE_DIR) + "/devices");
  std::printf("bench_int_workload: TinySim's own integer workload (list sort, 8x8 matrix multiply, state\n"
              "machine, CRC-16) per core, timed by the firmware with DWT CYCCNT. Not CoreMark.\n");
  std::printf("%-13s %-14s %8s %12s %12s %11s  %s\n", "device", "core", "clock", "cycles/iter", "iter/s",
              "iter/s/MHz", "checksum");
  std::string first_checksum;
  int status = 0;
  for (const std::string& name : names) {
    auto device = find_device(name, dir);
    if (!device) return std::fprintf(stderr, "bench_int_workload: %s\n", device.error().describe().c_str()), 2;
    auto m = measure(*device);
    if (!m) return std::fprintf(stderr, "bench_int_workload: %s\n", m.error().describe().c_str()), 2;
    const double per_iteration = static_cast<double>(m->cycles) / m->iterations;
    const double per_second = static_cast<double>(device->clock_hz) / per_iteration;
    std::printf("%-13s %-14s %4u MHz %12.1f %12.0f %11.3f  %s\n", device->name.c_str(),
                core_name(device->core).c_str(), device->clock_hz / 1000000u, per_iteration, per_second,
                1e6 / per_iteration, m->checksum.c_str());
    if (first_checksum.empty()) first_checksum = m->checksum;
    if (m->checksum != first_checksum) {
      std::fprintf(stderr, "bench_int_workload: checksum %s on %s differs from %s\n", m->checksum.c_str(),
                   device->name.c_str(), first_checksum.c_str());
      status = 1;
    }
  }
  return status;
}
