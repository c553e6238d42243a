#pragma once
#include "planner/buffer_list.h"
#include "planner/memory_planner.h"

namespace tinyrt {

/// Checks a plan from first principles, independent of any planner: every
/// offset respects its alignment, every buffer ends inside plan.arena_bytes,
/// aliases sit on their target, and no two buffers of different alias groups
/// that are live at the same op share a byte. Returns the first violation with
/// the buffer(s) involved. O(n^2); used by tests and by plan_arena in debug builds.
PlanError check_plan(const BufferList& buffers, const ArenaPlan& plan);

}  // namespace tinyrt
