#include "device/device.h"

#include <algorithm>
#include <cstdio>

namespace tinysim {

const MemoryRegion* Device::flash() const {
  for (const auto& region : memory)
    if (region.holds_image()) return &region;
  return nullptr;
}

std::vector<MemoryRegion> Device::ram_blocks() const {
  std::vector<MemoryRegion> banks;
  for (const auto& region : memory)
    if (region.kind == MemoryKind::Sram) banks.push_back(region);
  std::sort(banks.begin(), banks.end(), [](const auto& a, const auto& b) { return a.origin < b.origin; });
  std::vector<MemoryRegion> blocks;
  for (const auto& bank : banks) {
    if (!blocks.empty() && blocks.back().end() == bank.origin) {
      MemoryRegion& block = blocks.back();
      block.name += "+" + bank.name;
      block.size += bank.size;
      block.source += "; " + bank.source;
    } else {
      blocks.push_back(bank);
    }
  }
  return blocks;
}

std::optional<MemoryRegion> Device::main_ram() const {
  const std::vector<MemoryRegion> blocks = ram_blocks();
  if (blocks.empty()) return std::nullopt;
  for (const auto& block : blocks)
    if (block.origin == 0x20000000u) return block;
  return blocks.front();
}

const MemoryRegion* Device::region_at(uint32_t address, uint64_t bytes) const {
  for (const auto& region : memory)
    if (region.contains(address, bytes)) return &region;
  return nullptr;
}

std::optional<MemoryRegion> Device::memory_at(uint32_t address) const {
  for (const auto& block : ram_blocks())
    if (block.contains(address)) return block;
  if (const MemoryRegion* region = region_at(address)) return *region;
  return std::nullopt;
}

bool Device::holds(uint32_t address, uint64_t bytes) const {
  if (region_at(address, bytes)) return true;  // the usual case, without building the blocks
  const std::optional<MemoryRegion> around = memory_at(address);
  return around && around->contains(address, bytes);
}

const MemoryRegion* Device::region_or_alias_at(uint32_t address, uint64_t bytes, uint32_t& region_address) const {
  region_address = address;
  if (const MemoryRegion* region = region_at(address, bytes)) return region;
  for (const auto& alias : aliases) {
    if (!alias.contains(address, bytes)) continue;
    const MemoryRegion* target = region_named(alias.target);
    if (!target) return nullptr;
    region_address = target->origin + (address - alias.origin);
    return target;
  }
  return nullptr;
}

uint32_t Device::boot_address() const {
  for (const auto& alias : aliases)
    if (alias.boot) return alias.origin;
  return flash() ? flash()->origin : 0u;
}

const MemoryRegion* Device::region_named(const std::string& region_name) const {
  for (const auto& region : memory)
    if (region.name == region_name) return &region;
  return nullptr;
}

uint64_t Device::total(MemoryKind kind) const {
  uint64_t sum = 0;
  for (const auto& region : memory)
    if (region.kind == kind) sum += region.size;
  return sum;
}

std::string Device::clock_refusal(uint64_t hz) const {
  const bool low = clock_min_hz && hz < clock_min_hz, high = clock_max_hz && hz > clock_max_hz;
  if (!low && !high) return "";
  auto mhz = [](uint64_t v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g MHz", double(v) / 1e6);
    return std::string(text);
  };
  std::string range = clock_min_hz == clock_max_hz ? "at " + mhz(clock_max_hz) + " only"
                      : clock_min_hz && clock_max_hz ? "from " + mhz(clock_min_hz) + " to " + mhz(clock_max_hz)
                      : clock_max_hz ? "at up to " + mhz(clock_max_hz)
                                     : "at " + mhz(clock_min_hz) + " or more";
  return name + " runs its core " + range + ", not at " + mhz(hz) +
         (clock_source.empty() ? "" : " (" + clock_source + ")");
}

std::string Device::firmware_layout() const {
  char text[32];
  const MemoryRegion* rom = flash();
  const std::optional<MemoryRegion> ram = main_ram();
  std::snprintf(text, sizeof text, "%08x-%08x", rom ? rom->origin : 0u, ram ? ram->origin : 0u);
  return text;
}

std::string format_address(uint64_t address) {
  char text[24];
  std::snprintf(text, sizeof text, "0x%08llx", static_cast<unsigned long long>(address));
  return text;
}

std::string format_size(uint64_t bytes) {
  char text[48];
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0)
    std::snprintf(text, sizeof text, "%llu MiB", static_cast<unsigned long long>(bytes >> 20));
  else if (bytes >= 1024 && bytes % 1024 == 0)
    std::snprintf(text, sizeof text, "%llu KiB", static_cast<unsigned long long>(bytes >> 10));
  else if (bytes >= 1024)
    std::snprintf(text, sizeof text, "%.1f KiB", static_cast<double>(bytes) / 1024.0);
  else
    std::snprintf(text, sizeof text, "%llu bytes", static_cast<unsigned long long>(bytes));
  return text;
}

}  // namespace tinysim
