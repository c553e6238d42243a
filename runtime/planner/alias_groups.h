#pragma once
#include <stdint.h>

#include "planner/buffer_list.h"
#include "planner/memory_planner.h"

namespace tinyrt {

/// Shared first step of every planner: checks all requests and the storage
/// sizes, then folds aliases into groups (root slot = union lifetime, largest
/// rounded size and alignment). Sets plan.count.
PlanError resolve_alias_groups(const BufferList& buffers, PlannerWorkspace& work, ArenaPlan& plan);

/// x rounded up to a power-of-two alignment, in 64 bits so it cannot wrap.
inline uint64_t align_up(uint64_t x, uint32_t alignment) {
  const uint64_t a = alignment;
  return (x + a - 1u) & ~(a - 1u);
}

/// True when [a_first, a_last] and [b_first, b_last] share an op.
inline bool lifetimes_intersect(int32_t a_first, int32_t a_last, int32_t b_first, int32_t b_last) {
  return a_first <= b_last && b_first <= a_last;
}

/// Copies each root's offset to its aliases and sets plan.arena_bytes from the
/// roots' rounded ends; kSizeOverflow past 4 GiB.
PlanError finish_plan(const BufferList& buffers, const PlannerWorkspace& work, ArenaPlan& plan);

}  // namespace tinyrt
