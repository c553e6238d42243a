// `tinysim run firmware.elf --device <name>`: runs a firmware to its end and prints
// its console output and a summary; exits with the firmware's exit code.
#include <cstdio>
#include <memory>

#include "commands.h"
#include "device/device_catalog.h"
#include "elf/arm_build_attributes.h"
#include "elf/elf_image.h"
#include "machine/machine.h"
#include "peripherals/board_peripherals.h"
#include "peripherals/tinysim_block.h"

namespace tinysim::cli {
namespace {

std::string percent(uint64_t part, uint64_t whole) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0);
  return text;
}

std::string duration(double seconds) {
  char text[32];
  if (seconds < 1e-3) std::snprintf(text, sizeof text, "%.1f us", seconds * 1e6);
  else if (seconds < 1.0) std::snprintf(text, sizeof text, "%.3f ms", seconds * 1e3);
  else std::snprintf(text, sizeof text, "%.3f s", seconds);
  return text;
}

void print_summary(const Device& device, const RunResult& r) {
  const double hz = device.clock_hz;
  std::printf("--- tinysim: %s (%s @ %u MHz)\n", device.name.c_str(), core_name(device.core).c_str(),
              device.clock_hz / 1000000u);
  if (r.reason == StopReason::Exited) std::printf("exit code         %d\n", r.exit_code);
  else if (r.reason == StopReason::Fault) std::printf("stopped by        %s\n", fault_kind_name(r.fault->kind).c_str());
  else std::printf("stopped by        the run's end (request_stop)\n");
  std::printf("instructions      %llu\n", static_cast<unsigned long long>(r.instructions));
  std::printf("cycles            %llu\n", static_cast<unsigned long long>(r.cycles));
  std::printf("simulated time    %s (run %s, sleep %s, deep sleep %s)\n", duration(r.seconds()).c_str(),
              duration(static_cast<double>(r.run_cycles) / hz).c_str(),
              duration(static_cast<double>(r.sleep_cycles) / hz).c_str(),
              duration(static_cast<double>(r.deep_sleep_cycles) / hz).c_str());
  if (r.exceptions_taken) std::printf("exceptions taken  %llu\n", static_cast<unsigned long long>(r.exceptions_taken));
  std::printf("%-18s%s of %s (%s)\n", device.flash()->kind == MemoryKind::Flash ? "flash used" : "code SRAM used",
              format_size(r.memory.flash_used).c_str(),
              format_size(r.memory.flash_available).c_str(), percent(r.memory.flash_used, r.memory.flash_available).c_str());
  std::printf("RAM used          %s of %s (%s) by .data/.bss\n", format_size(r.memory.ram_used).c_str(),
              format_size(r.memory.ram_available).c_str(), percent(r.memory.ram_used, r.memory.ram_available).c_str());
  std::printf("stack high-water  %s of %s free above .bss\n", format_size(r.stack_high_water).c_str(),
              format_size(r.stack_available).c_str());
}

}  // namespace

/// Blocks --trace keeps: the run's last steps, which say how it got where it stopped.
constexpr size_t kTraceBlocks = 100000;

int run_command(int argc, char** argv) {
  auto parsed = parse_arguments(argc, argv, 2, {"--device", "--max-cycles", "--max-instructions", "--devices-dir"},
                                {"--trace"});
  if (!parsed) return report(parsed.error());
  const Arguments& args = *parsed;
  if (args.positional.size() != 1)
    return report(Error{"expected one firmware ELF: tinysim run <firmware.elf> --device <name>", "", 0, 0, ""});
  auto device_name = args.option("--device");
  if (!device_name) return report(Error{"missing: which device? (tinysim devices lists them)", "", 0, 0, "--device"});
  auto device = find_device(*device_name, devices_dir(args.executable, args.option("--devices-dir").value_or("")));
  if (!device) return report(device.error());
  RunLimits limits;
  auto max_cycles = args.number("--max-cycles");
  if (!max_cycles) return report(max_cycles.error());
  auto max_instructions = args.number("--max-instructions");
  if (!max_instructions) return report(max_instructions.error());
  limits.max_cycles = max_cycles->value_or(0);
  limits.max_instructions = max_instructions->value_or(0);

  auto elf = load_elf(args.positional[0]);
  if (!elf) return report(elf.error());
  // The check scenarios make too: an ELF for another core would fault or run wrong.
  const std::string mismatch = core_mismatch(device->core, read_build_target(elf->arm_attributes));
  if (!mismatch.empty())
    return report(make_error(args.positional[0] + " does not run on " + device->name + " (" +
                             core_name(device->core) + "): it is " + mismatch));
  auto machine = Machine::create(*device, *elf);
  if (!machine) return report(machine.error());
  TinySimSettings settings;
  settings.system.ram_base = device->main_ram()->origin;
  settings.system.ram_size = device->main_ram()->size;
  TinySimBlock block(std::move(settings));
  if (auto error = (*machine)->add_peripheral(block)) return report(*error);
  // The device file's own peripherals (the reference boards' UART) print to the same console.
  auto board = BoardPeripherals::create(*device, block.console());
  if (!board) return report(board.error());
  for (const auto& peripheral : (*board)->blocks())
    if (auto error = (*machine)->add_peripheral(*peripheral)) return report(*error);
  (*machine)->on_power_change([&block](uint64_t, PowerState state) {
    if (state != PowerState::Run) block.cpu_sleeps();
  });
  (*machine)->enable_trace(args.flag("--trace") ? kTraceBlocks : 0);

  auto result = (*machine)->run(limits);
  if (!result) return report(result.error());
  const RunResult& r = *result;
  std::fputs(r.console.c_str(), stdout);
  std::fputs(block.console().text().c_str(), stdout);
  if (args.flag("--trace")) {
    const uint64_t traced = (*machine)->traced_blocks();
    if (traced > kTraceBlocks)
      std::printf("trace: the last %zu of %llu blocks\n", kTraceBlocks, static_cast<unsigned long long>(traced));
    for (const auto& line : (*machine)->trace())
      std::printf("trace %12llu 0x%08x %s\n", static_cast<unsigned long long>(line.cycle), line.pc,
                  elf->symbols.describe(line.pc).c_str());
  }
  for (const auto& note : r.notes) std::fprintf(stderr, "tinysim: note: %s\n", note.c_str());
  for (const auto& m : (*board)->misuse().entries())
    std::fprintf(stderr, "tinysim: note: %s at cycle %llu: %s\n", m.block.c_str(),
                 static_cast<unsigned long long>(m.cycle), m.message.c_str());
  print_summary(*device, r);
  std::fflush(stdout);
  if (r.reason == StopReason::Fault) {
    std::fprintf(stderr, "tinysim: %s: %s\n", fault_kind_name(r.fault->kind).c_str(), r.fault->describe().c_str());
    return kExitBadInput;
  }
  return r.reason == StopReason::Exited ? r.exit_code : 0;
}

}  // namespace tinysim::cli
