// `tinysim devices`: the devices TinySim knows, with core, clock and memory.
#include <cstdio>

#include "commands.h"
#include "device/device_catalog.h"

namespace tinysim::cli {
namespace {

/// "320 KiB dtcm+sram1+sram2 at 0x20000000; also itcm 16 KiB at 0x00000000".
std::string describe_ram(const Device& d) {
  const std::optional<MemoryRegion> main = d.main_ram();
  std::string out = main ? format_size(main->size) + " " + main->name + " at " + format_address(main->origin) : "none";
  std::string others;
  for (const auto& block : d.ram_blocks())
    if (!main || block.origin != main->origin)
      others += (others.empty() ? "; also " : ", ") + block.name + " " + format_size(block.size) + " at " +
                format_address(block.origin);
  return out + others;
}

}  // namespace

int devices_command(int argc, char** argv) {
  auto parsed = parse_arguments(argc, argv, 2, {"--devices-dir"}, {});
  if (!parsed) return report(parsed.error());
  const Arguments& args = *parsed;
  const std::string dir = devices_dir(args.executable, args.option("--devices-dir").value_or(""));
  auto devices = list_devices(dir);
  if (!devices) return report(devices.error());
  std::printf("%-14s %-14s %9s %10s %10s  %s\n", "device", "core", "clock", "flash/code", "sram",
              "firmware RAM (adjacent banks are one RAM); other SRAM");
  for (const auto& d : *devices)
    std::printf("%-14s %-14s %5u MHz %10s %10s  %s\n", d.name.c_str(), core_name(d.core).c_str(),
                d.clock_hz / 1000000u, format_size(d.image_total()).c_str(),
                format_size(d.total(MemoryKind::Sram)).c_str(), describe_ram(d).c_str());
  return 0;
}

}  // namespace tinysim::cli
