#pragma once
// Flash wait states at run time: instruction fetches (per block) and data loads
// (per read) from flash pay the wait states for each line the accelerator does not
// hold. The accelerator is modelled simply: direct-mapped line caches for
// instructions and data, and a prefetch buffer that hides the next sequential line.
// Addresses are flash offsets inside: a read through an alias of the flash (a boot
// alias at 0, flash on ITCM) reads the same lines and pays the same wait states.
#include <cstdint>
#include <vector>

#include "cost/device_timing.h"

namespace tinysim {

class FlashCache {
 public:
  /// Flash at [origin, origin+size) read with `timing`; no wait states: inactive.
  void configure(const FlashTiming& timing, uint32_t origin, uint32_t size);
  /// The flash's first `size` bytes are also read at [origin, origin+size).
  void add_alias(uint32_t origin, uint32_t size) {
    aliases_.push_back({origin, size});
    has_aliases_ = true;
  }
  bool active() const { return penalty_ != 0; }
  bool contains(uint32_t address) const {
    uint32_t offset;
    return offset_of(address, offset);
  }

  /// True when fetching [address, address+bytes) costs nothing and needs no lookup
  /// (no wait states, outside flash, or the block's memo holds): fetch() then gives 0.
  /// No call on this path (the machine's block hook inlines it): a block outside the
  /// flash, where aliases exist, takes the full lookup, which finds them.
  bool free_fetch(uint32_t address, uint32_t bytes, uint32_t memo) {
    const uint32_t offset = address - origin_;
    if (!penalty_) return true;
    if (offset >= size_) return !has_aliases_;
    if (memo != epoch_) return false;
    last_fetch_ = (offset + bytes - 1) >> shift_;  // as the lookup leaves it
    return true;
  }
  /// Extra cycles to fetch the code [address, address+bytes); 0 outside flash.
  /// `memo` is the block's own word (kept with its cost): it holds the cache's epoch
  /// when all the block's lines were found resident and no line has been evicted
  /// since, so a block running in a warm loop costs one compare, not a lookup per line.
  uint32_t fetch(uint32_t address, uint32_t bytes, uint32_t& memo) {
    uint32_t offset;
    if (!penalty_ || !offset_of(address, offset)) return 0;
    const uint32_t last = (offset + bytes - 1) >> shift_;
    if (memo == epoch_) {  // every line still in the cache: all hits, as the lookup would find
      last_fetch_ = last;
      return 0;
    }
    return fetch_lines(offset >> shift_, last, memo);
  }
  /// Extra cycles for a data load from `address` (the caller checked it is flash).
  uint32_t read(uint32_t address) {
    uint32_t offset = 0;
    offset_of(address, offset);
    const uint32_t line = offset >> shift_;
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
  struct Window {
    uint32_t origin, size;
  };
  /// The offset into flash that `address` reads, through the flash or an alias.
  bool offset_of(uint32_t address, uint32_t& offset) const {
    offset = address - origin_;
    return __builtin_expect(offset < size_, 1) || alias_offset(address, offset);
  }
  /// The aliases' part of offset_of, off the hot path (code in flash never gets here).
  bool alias_offset(uint32_t address, uint32_t& offset) const;
  /// The full lookup, off the hot path (not inlined into the machine's block hook).
  uint32_t fetch_lines(uint32_t first, uint32_t last, uint32_t& memo);
  uint32_t fetch_line(uint32_t line) {
    const bool sequential = prefetch_ && line == last_fetch_ + 1;
    bool hit = line == last_fetch_;  // the line buffer (or prefetch buffer) holds it
    if (!hit && !code_tags_.empty()) {
      uint32_t& tag = code_tags_[line & (code_tags_.size() - 1)];
      hit = tag == line + 1;
      if (!hit && tag != 0) ++epoch_;  // another line evicted: memos are stale
      tag = line + 1;
    }
    last_fetch_ = line;
    if (hit || sequential) return 0;
    ++misses_;
    return penalty_;
  }
  bool resident(uint32_t first, uint32_t last) const {
    for (uint32_t line = first; line <= last; ++line)
      if (code_tags_[line & (code_tags_.size() - 1)] != line + 1) return false;
    return true;
  }
  uint32_t origin_ = 0, size_ = 0, shift_ = 3, penalty_ = 0;
  bool prefetch_ = false, has_aliases_ = false;
  uint32_t last_fetch_ = ~0u - 1, last_data_ = ~0u;
  std::vector<uint32_t> code_tags_, data_tags_;  ///< line + 1 per slot (0 = empty)
  uint64_t misses_ = 0;
  uint32_t epoch_ = 1;  ///< bumped on every eviction and reset; blocks' memos start at 0
  std::vector<Window> aliases_;  ///< last: the hot members above keep their places
};

}  // namespace tinysim
