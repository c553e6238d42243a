// bench_emulator: emulated M instructions per second of the int8 MAC-loop
// firmware (tests/firmware/macloop) on bare Unicorn (no hooks) and on the full
// Machine (per-block cycle accounting, SCS, semihosting), best of 5 runs each.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include "device/device_catalog.h"
#include "elf/elf_image.h"
#include "machine/machine.h"
#include "machine/unicorn_engine.h"

namespace {

using namespace tinysim;
using Clock = std::chrono::steady_clock;

/// SYSINFO stand-in so the start-up code finds the main RAM.
class BootInfo : public Peripheral {
 public:
  explicit BootInfo(const MemoryRegion& ram) : ram_(ram) {}
  std::string name() const override { return "boot info"; }
  uint32_t base() const override { return 0x4F000000u; }
  uint32_t size() const override { return 0x1000u; }
  uint32_t read(uint32_t offset, unsigned) override {
    return offset == 0x00 ? 0x4D495354u : offset == 0x0C ? ram_.origin : offset == 0x10 ? ram_.size : 0u;
  }
  void write(uint32_t, unsigned, uint32_t) override {}

 private:
  MemoryRegion ram_;
};

void empty_block_hook(uc_engine*, uint64_t, uint32_t, void*) {}

/// Seconds for mac_bench() alone on an engine with no hooks at all (or, with
/// `empty_hook`, only an empty UC_HOOK_BLOCK: the floor any per-block model pays).
double bare_unicorn(const Device& device, const ElfImage& elf, bool empty_hook) {
  UnicornEngine engine;
  if (engine.open(device.core)) return -1;
  uc_hook hook{};
  if (empty_hook && engine.add_hook(hook, UC_HOOK_BLOCK, reinterpret_cast<void*>(&empty_block_hook), nullptr))
    return -1;
  for (const auto& r : device.memory)
    if (engine.map(r.origin, r.size, UC_PROT_ALL, r.name)) return -1;
  for (const auto& seg : elf.segments)
    if (!seg.bytes.empty() && engine.write(seg.load_address, seg.bytes.data(), seg.bytes.size(), "segment")) return -1;
  const auto entry_symbol = elf.symbols.address_of("mac_bench");
  if (!entry_symbol) return -1;
  const uint32_t entry = *entry_symbol;
  // mac_bench() returns to the last word of flash, where Unicorn stops (`until`).
  const uint32_t done = static_cast<uint32_t>(device.flash()->end()) - 4u;
  engine.set_reg(UC_ARM_REG_SP, static_cast<uint32_t>(device.main_ram()->end()));
  engine.set_reg(UC_ARM_REG_LR, done | 1u);
  const auto start = Clock::now();
  const uc_err err = engine.start(entry, done);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (err != UC_ERR_OK || (engine.reg(UC_ARM_REG_PC) & ~1u) != done) {
    std::fprintf(stderr, "bench_emulator: bare run failed: %s\n", uc_strerror(err));
    return -1;
  }
  return seconds;
}

/// Seconds and the run's result for the whole firmware on the Machine.
double full_machine(const Device& device, const ElfImage& elf, RunResult& out) {
  auto machine = Machine::create(device, elf);
  if (!machine) {
    std::fprintf(stderr, "bench_emulator: %s\n", machine.error().describe().c_str());
    return -1;
  }
  BootInfo boot(*device.main_ram());
  if ((*machine)->add_peripheral(boot)) return -1;
  const auto start = Clock::now();
  auto result = (*machine)->run();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!result || result->reason != StopReason::Exited) {
    std::fprintf(stderr, "bench_emulator: machine run did not exit cleanly\n");
    return -1;
  }
  out = *result;
  return seconds;
}

}  // namespace

int main() {
  const std::string device_name = "stm32l476rg";
  auto device = find_device(device_name, devices_dir("", std::string(TINYSIM_SOURCE_DIR) + "/devices"));
  if (!device) return std::fprintf(stderr, "bench_emulator: %s\n", device.error().describe().c_str()), 2;
  const std::string path = std::string(TINYSIM_FIRMWARE_DIR) + "/" + core_name(device->core) + "/macloop-" +
                           device->firmware_layout() + ".elf";
  auto elf = load_elf(path);
  if (!elf) return std::fprintf(stderr, "bench_emulator: %s\n", elf.error().describe().c_str()), 2;

  double bare = 1e9, hooked = 1e9, full = 1e9;
  RunResult result;
  for (int i = 0; i < 5; ++i) {
    const double b = bare_unicorn(*device, *elf, false);
    const double h = bare_unicorn(*device, *elf, true);
    const double f = full_machine(*device, *elf, result);
    if (b < 0 || h < 0 || f < 0) return 2;
    bare = std::min(bare, b);
    hooked = std::min(hooked, h);
    full = std::min(full, f);
  }
  // Both run the same mac_bench(); the Machine also runs start-up and printing
  // (a few thousand instructions of ~100 M), so one count serves both.
  const double minstr = static_cast<double>(result.instructions) / 1e6;
  std::printf("bench_emulator: int8 MAC loops on %s (%s), %.1f M instructions, %.1f M modelled cycles\n",
              device->name.c_str(), core_name(device->core).c_str(), minstr, static_cast<double>(result.cycles) / 1e6);
  std::printf("  bare Unicorn (no hooks)     %8.1f M instructions/s  (%.3f s)\n", minstr / bare, bare);
  std::printf("  Unicorn + empty block hook  %8.1f M instructions/s  (%.3f s)\n", minstr / hooked, hooked);
  std::printf("  TinySim Machine (full)      %8.1f M instructions/s  (%.3f s)\n", minstr / full, full);
  std::printf("  Machine / bare              %8.2f  (goal: >= 0.50)\n", bare / full);
#ifndef __OPTIMIZE__
  std::printf("  warning: unoptimised build; configure with -DCMAKE_BUILD_TYPE=Release for real figures\n");
#endif
  return 0;
}
