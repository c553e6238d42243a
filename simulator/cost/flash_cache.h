#pragma once
// Flash wait states at run time: instruction fetches (per block) and data loads
// (per read) from flash pay the wait states for each line the accelerator does not
// hold. The accelerator is modelled simply: direct-mapped line caches for
// instructions and data, and a prefetch buffer that hides the next sequential line.
#include <cstdint>
#include <vector>

#include "cost/device_timing.h"

namespace tinysim {

class FlashCache {
 public:
  /// Flash at [origin, origin+size) read with `timing`; no wait states: inactive.
  void configure(const FlashTiming& timing, uint32_t origin, uint32_t size);
  bool active() const { return penalty_ != 0; }

  /// Extra cycles to fetch the code [address, address+bytes); 0 outside flash.
  uint32_t fetch(uint32_t address, uint32_t bytes) {
    if (!penalty_ || address - origin_ >= size_) return 0;
    const uint32_t first = (address - origin_) >> shift_;
    const uint32_t last = (address - origin_ + bytes - 1) >> shift_;
    uint32_t cycles = 0;
    for (uint32_t line = first; line <= last; ++line) cycles += fetch_line(line);
    return cycles;
  }
  /// Extra cycles for a data load from `address` (the caller checked it is flash).
  uint32_t read(uint32_t address) {
    const uint32_t line = (address - origin_) >> shift_;
    if (data_tags_.empty()) {  // no data cache: only the last line read is buffered
      const bool hit = line == last_data_;
      last_data_ = line;
      return hit ? 0 : penalty_;
    }
    uint32_t& tag = data_tags_[line & (data_tags_.size() - 1)];
    if (tag == line + 1) return 0;
    tag = line + 1;
    return penalty_;
  }
  uint64_t misses() const { return misses_; }
  /// Forgets every cached line (a new run).
  void reset();

 private:
  uint32_t fetch_line(uint32_t line) {
    const bool sequential = prefetch_ && line == last_fetch_ + 1;
    bool hit = line == last_fetch_;  // the line buffer (or prefetch buffer) holds it
    if (!hit && !code_tags_.empty()) {
      uint32_t& tag = code_tags_[line & (code_tags_.size() - 1)];
      hit = tag == line + 1;
      tag = line + 1;
    }
    last_fetch_ = line;
    if (hit || sequential) return 0;
    ++misses_;
    return penalty_;
  }

  uint32_t origin_ = 0, size_ = 0, shift_ = 3, penalty_ = 0;
  bool prefetch_ = false;
  uint32_t last_fetch_ = ~0u - 1, last_data_ = ~0u;
  std::vector<uint32_t> code_tags_, data_tags_;  ///< line + 1 per slot (0 = empty)
  uint64_t misses_ = 0;
};

}  // namespace tinysim
