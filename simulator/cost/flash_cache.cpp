#include "cost/flash_cache.h"

#include <algorithm>

namespace tinysim {

void FlashCache::configure(const FlashTiming& timing, uint32_t origin, uint32_t size) {
  origin_ = origin;
  size_ = size;
  aliases_.clear();
  has_aliases_ = false;
  penalty_ = timing.wait_states;
  prefetch_ = timing.prefetch;
  shift_ = 0;
  while ((1u << shift_) < timing.line_bytes) ++shift_;
  code_tags_.assign(timing.instruction_lines, 0);
  data_tags_.assign(timing.data_lines, 0);
  reset();
}

uint32_t FlashCache::fetch_lines(uint32_t first, uint32_t last, uint32_t& memo) {
  uint32_t cycles = 0;
  for (uint32_t line = first; line <= last; ++line) cycles += fetch_line(line);
  if (!code_tags_.empty() && resident(first, last)) memo = epoch_;
  return cycles;
}

bool FlashCache::alias_offset(uint32_t address, uint32_t& offset) const {
  for (const Window& alias : aliases_) {
    offset = address - alias.origin;
    if (offset < alias.size) return true;
  }
  return false;
}

void FlashCache::reset() {
  std::fill(code_tags_.begin(), code_tags_.end(), 0u);
  std::fill(data_tags_.begin(), data_tags_.end(), 0u);
  last_fetch_ = ~0u - 1;
  last_data_ = ~0u;
  misses_ = 0;
  ++epoch_;
}

}  // namespace tinysim
