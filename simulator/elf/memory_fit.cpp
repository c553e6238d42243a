#include "elf/memory_fit.h"

#include <algorithm>

namespace tinysim {
namespace {

std::string describe_regions(const Device& device) {
  std::string out;
  for (const auto& r : device.memory)
    out += (out.empty() ? "" : ", ") + r.name + " " + format_size(r.size) + " at " + format_address(r.origin);
  return out;
}

/// Checks [address, address+bytes) lies in one region or RAM block (adjacent SRAM
/// banks are one RAM, so a .bss may span them); `used` counts bytes earlier segments
/// put in the same region (for the message).
Status check_range(const LoadSegment& seg, const Device& device, uint32_t address, uint64_t bytes,
                   const MemoryUsage& usage, const std::string& what) {
  const std::optional<MemoryRegion> start = device.memory_at(address);
  if (bytes == 0 || (start && start->contains(address, bytes))) return std::nullopt;
  const std::string needs = "segment " + std::to_string(seg.index) +
                            (seg.sections.empty() ? "" : " (" + seg.sections + ")") + (what.empty() ? "" : " " + what) +
                            " needs " + format_size(bytes) + " at " + format_address(address);
  if (!start)
    return Error{needs + ", which is outside the memory of " + device.name + " (" + describe_regions(device) +
                     "); was the firmware linked for another device?",
                 "", 0, 0, ""};
  const uint64_t already = start->holds_image() ? usage.flash_used : 0;
  return Error{needs + ", " +
                   start->name + " of " + device.name + " is " + format_size(start->size) + " at " +
                   format_address(start->origin) + " (" + format_size(address + bytes - start->end()) + " too many" +
                   (already ? ", " + format_size(already) + " already used by earlier segments" : "") + ")",
               "", 0, 0, ""};
}

}  // namespace

Result<MemoryUsage> fit_to_device(const ElfImage& image, const Device& device) {
  MemoryUsage usage;
  usage.flash_available = device.image_total();
  usage.ram_available = device.total(MemoryKind::Sram);
  for (const auto& seg : image.segments) {
    const bool copied = seg.load_address != seg.run_address;
    // File bytes at the load address (for .data: its initial values in flash).
    if (auto error = check_range(seg, device, seg.load_address, copied ? seg.bytes.size() : seg.memory_size,
                                 usage, copied ? "initial values" : "")) {
      error->file = image.file;
      return *error;
    }
    if (copied) {
      if (auto error = check_range(seg, device, seg.run_address, seg.memory_size, usage, "")) {
        error->file = image.file;
        return *error;
      }
    }
    const MemoryRegion* load = device.region_at(seg.load_address);
    if (load && load->holds_image()) usage.flash_used += seg.bytes.size();
  }
  const std::optional<MemoryRegion> main = device.main_ram();
  usage.ram_end_of_data = main ? main->origin : 0;
  for (const auto& s : image.sections) {
    if (!s.allocated || s.size == 0) continue;
    const MemoryRegion* region = device.region_at(s.address);
    if (!region || region->kind != MemoryKind::Sram) continue;
    usage.ram_used += s.size;
    if (main && main->contains(s.address)) usage.ram_end_of_data = std::max<uint32_t>(usage.ram_end_of_data, s.address + s.size);
  }
  return usage;
}

}  // namespace tinysim
