#include "planner/linear_planner.h"

#include "planner/alias_groups.h"

namespace tinyrt {

PlanError LinearPlanner::plan(const BufferList& buffers, PlannerWorkspace& work, ArenaPlan& plan) const {
  plan.planner = name();
  PlanError e = resolve_alias_groups(buffers, work, plan);
  if (!e.ok()) return e;
  uint64_t next = 0;
  for (int32_t i = 0; i < buffers.count(); ++i) {
    const PlannerSlot& s = work.slots[i];
    if (s.root != i) continue;
    const uint64_t offset = align_up(next, s.alignment);
    next = offset + s.size;
    if (next > 0xFFFFFFFFu) return plan_error(PlanStatus::kSizeOverflow, i);
    plan.offsets[i] = static_cast<uint32_t>(offset);
  }
  return finish_plan(buffers, work, plan);
}

}  // namespace tinyrt
