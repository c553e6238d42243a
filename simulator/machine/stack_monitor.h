#pragma once
// Stack high-water mark by painting: free RAM above .bss is filled with a
// pattern at reset; after the run, the deepest overwritten word shows how much
// stack was used.
#include <cstdint>

#include "core/error.h"
#include "machine/unicorn_engine.h"

namespace tinysim {

/// Paints [low, top) and measures how far down from `top` it was overwritten.
class StackMonitor {
 public:
  static constexpr uint32_t kPaint = 0x5AC3A55Cu;
  /// A run of this many untouched bytes ends the stack (arena data may sit below).
  static constexpr uint32_t kGapBytes = 256;

  StackMonitor(uint32_t low, uint32_t top) : low_((low + 7u) & ~7u), top_(top) {}
  Status paint(UnicornEngine& engine) const;
  /// Bytes below `top` the stack reached; `reached_low` when it hit `low`.
  Result<uint32_t> high_water(const UnicornEngine& engine, bool& reached_low) const;
  uint32_t low() const { return low_; }
  uint32_t top() const { return top_; }
  uint32_t available() const { return top_ > low_ ? top_ - low_ : 0; }

 private:
  uint32_t low_;
  uint32_t top_;
};

}  // namespace tinysim
