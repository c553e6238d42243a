#include "peripherals/firmware_misuse.h"

#include <cstdio>

namespace tinysim {

void MisuseLog::add(uint64_t cycle, std::string block, std::string message) {
  if (entries_.size() >= kMaxEntries) {
    ++suppressed_;
    return;
  }
  entries_.push_back({cycle, std::move(block), std::move(message)});
}

std::string hex32(uint32_t value) {
  char text[11];
  std::snprintf(text, sizeof text, "0x%08x", value);
  return text;
}

}  // namespace tinysim
