#include "runner/model_fit.h"

#include "elf/memory_fit.h"
#include "runner/firmware_locator.h"
#include "runner/model_partition.h"

namespace tinysim {

std::string ModelFit::shortfall() const {
  std::string out;
  if (!flash_fits())
    out += "flash: needs " + format_size(flash_used()) + " (firmware " + format_size(flash_firmware) + " + model " +
           format_size(flash_model) + "), " + device + " has " + format_size(flash_capacity) + "\n";
  if (!ram_fits())
    out += "RAM: needs " + format_size(ram_used()) + " (static " + format_size(ram_static) + " + window " +
           format_size(ram_window) + " + tensor arena " + format_size(ram_arena) + " + stack " +
           format_size(ram_stack) + "), " + device + " has " + format_size(ram_capacity) + "\n";
  return out;
}

Result<ModelFit> check_model_fit(const Device& device, const ModelSummary& summary, uint32_t stack_bytes,
                                 uint32_t window_bytes) {
  auto path = find_firmware(device);
  if (!path) return path.error();
  auto elf = load_elf(path.value());
  if (!elf) return elf.error();
  auto usage = fit_to_device(elf.value(), device);
  if (!usage) return usage.error();
  const MemoryRegion* flash = device.flash();
  const std::optional<MemoryRegion> ram = device.main_ram();
  if (!flash || !ram) return make_error("device " + device.name + " lacks a flash or SRAM region", device.file);

  ModelFit fit;
  fit.device = device.name;
  fit.flash_firmware = usage->flash_used;
  const uint64_t firmware_end = flash->origin + usage->flash_used;
  const uint64_t partition = (firmware_end + kModelPartitionAlignment - 1) / kModelPartitionAlignment *
                             kModelPartitionAlignment;
  fit.flash_model = (partition - firmware_end) + summary.file_bytes;
  fit.flash_capacity = flash->size;
  fit.ram_static = usage->ram_end_of_data > ram->origin ? usage->ram_end_of_data - ram->origin : usage->ram_used;
  fit.ram_window = window_bytes;
  fit.ram_arena = summary.arena.needed_bytes + 15;  // the runtime aligns the arena start to 16 bytes
  fit.ram_stack = stack_bytes;
  fit.ram_capacity = ram->size;
  return fit;
}

}  // namespace tinysim
