#pragma once
// Splits the tensor arena the firmware gives the interpreter: persistent data (op
// parameters, tensor records) from the top down, short-lived Prepare temporaries
// from the bottom up, and what lies between for the planned activations.
#include <stdint.h>

#include "interpreter/status.h"

namespace tinyrt {

class ArenaAllocator {
 public:
  ArenaAllocator() : ArenaAllocator(nullptr, 0) {}
  ArenaAllocator(uint8_t* base, uint32_t bytes);

  /// Lives as long as the interpreter; nullptr when the arena is exhausted.
  void* persistent(uint32_t bytes, uint32_t alignment);
  template <class T>
  T* persistent_array(uint32_t count) {
    return static_cast<T*>(persistent(count * static_cast<uint32_t>(sizeof(T)), alignof(T)));
  }
  /// Valid until reset_temporaries(); nullptr when the arena is exhausted.
  void* temporary(uint32_t bytes, uint32_t alignment);
  template <class T>
  T* temporary_array(uint32_t count) {
    return static_cast<T*>(temporary(count * static_cast<uint32_t>(sizeof(T)), alignof(T)));
  }
  void reset_temporaries() { temp_ = base_; }

  uint8_t* free_begin() const { return base_; }
  /// Bytes between the bottom and the persistent data.
  uint32_t free_bytes() const { return static_cast<uint32_t>(top_ - base_); }
  uint32_t persistent_bytes() const { return static_cast<uint32_t>(end_ - top_); }
  /// Bytes the arena would need beyond what it has (for the error message).
  uint32_t shortfall() const { return shortfall_; }
  /// Fills `error` (if still ok) with kArenaTooSmall: what did not fit and the figures.
  void report_too_small(RunError& error, const char* what) const;

 private:
  uint8_t* base_;
  uint8_t* end_;
  uint8_t* top_;
  uint8_t* temp_;
  uint32_t shortfall_ = 0;
};

}  // namespace tinyrt
