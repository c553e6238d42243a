#include "peripherals/register_block.h"

namespace tinysim {

RegisterBlock::RegisterBlock(std::string name, uint32_t base, MisuseLog& log)
    : name_(std::move(name)), base_(base), log_(log) {}

uint64_t RegisterBlock::now() const { return bus_ != nullptr ? bus_->now_cycles() : 0; }

void RegisterBlock::misuse(const std::string& message) { log_.add(now(), name_, message); }

uint32_t RegisterBlock::read(uint32_t offset, unsigned bytes) {
  advance_to(now());
  uint32_t value = 0;
  const uint32_t word = offset & ~3u;
  switch (read_register(word, value)) {
    case Access::kUnassigned:
      misuse("read of unassigned register " + hex32(base_ + word));
      return 0;
    case Access::kWriteOnly:
      return 0;  // write-only registers read as 0, as documented
    default:
      break;
  }
  value >>= 8u * (offset & 3u);
  if (bytes == 1) return value & 0xFFu;
  if (bytes == 2) return value & 0xFFFFu;
  return value;
}

void RegisterBlock::write(uint32_t offset, unsigned bytes, uint32_t value) {
  advance_to(now());
  if ((offset & 3u) != 0) {
    misuse(std::to_string(bytes) + "-byte write to " + hex32(base_ + offset) +
           ", which is not a register address (registers are 32-bit aligned)");
    return;
  }
  if (bytes == 1) value &= 0xFFu;
  if (bytes == 2) value &= 0xFFFFu;
  switch (write_register(offset, value)) {
    case Access::kUnassigned:
      misuse("write of " + hex32(value) + " to unassigned register " + hex32(base_ + offset));
      break;
    case Access::kReadOnly:
      misuse("write of " + hex32(value) + " to read-only register " + hex32(base_ + offset));
      break;
    default:
      break;
  }
}

}  // namespace tinysim
