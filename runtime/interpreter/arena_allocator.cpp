#include "interpreter/arena_allocator.h"

#include <stdint.h>

namespace tinyrt {

ArenaAllocator::ArenaAllocator(uint8_t* base, uint32_t bytes)
    : base_(base), end_(base + bytes), top_(base + bytes), temp_(base) {}

void* ArenaAllocator::persistent(uint32_t bytes, uint32_t alignment) {
  const uintptr_t top = reinterpret_cast<uintptr_t>(top_);
  const uintptr_t start = (top - bytes) & ~static_cast<uintptr_t>(alignment - 1);
  if (bytes > top - reinterpret_cast<uintptr_t>(temp_) || start < reinterpret_cast<uintptr_t>(temp_)) {
    shortfall_ += bytes;
    return nullptr;
  }
  top_ = reinterpret_cast<uint8_t*>(start);
  return top_;
}

void* ArenaAllocator::temporary(uint32_t bytes, uint32_t alignment) {
  const uintptr_t start = (reinterpret_cast<uintptr_t>(temp_) + alignment - 1) & ~static_cast<uintptr_t>(alignment - 1);
  if (start > reinterpret_cast<uintptr_t>(top_) || bytes > reinterpret_cast<uintptr_t>(top_) - start) {
    shortfall_ += bytes;
    return nullptr;
  }
  temp_ = reinterpret_cast<uint8_t*>(start + bytes);
  return reinterpret_cast<void*>(start);
}

void ArenaAllocator::report_too_small(RunError& error, const char* what) const {
  if (!error.ok()) return;
  const uint32_t capacity = static_cast<uint32_t>(end_ - base_);
  error.status = RunStatus::kArenaTooSmall;
  error.detail = capacity + shortfall_;
  MessageWriter(error.message, sizeof error.message)
      .text("tensor arena too small for ")
      .text(what)
      .text(": needs at least ")
      .number(error.detail)
      .text(" bytes, ")
      .number(capacity)
      .text(" available");
}

}  // namespace tinyrt
