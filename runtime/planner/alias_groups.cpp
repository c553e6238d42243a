#include "planner/alias_groups.h"

namespace tinyrt {

PlanError resolve_alias_groups(const BufferList& buffers, PlannerWorkspace& work, ArenaPlan& plan) {
  const int32_t n = buffers.count();
  if (work.capacity < n) {
    PlanError e = plan_error(PlanStatus::kWorkspaceTooSmall);
    e.needed = static_cast<uint32_t>(n);
    e.available = static_cast<uint32_t>(work.capacity < 0 ? 0 : work.capacity);
    return e;
  }
  if (plan.capacity < n) {
    PlanError e = plan_error(PlanStatus::kPlanTooSmall);
    e.needed = static_cast<uint32_t>(n);
    e.available = static_cast<uint32_t>(plan.capacity < 0 ? 0 : plan.capacity);
    return e;
  }
  plan.count = n;
  plan.arena_bytes = 0;
  for (int32_t i = 0; i < n; ++i) {
    const PlanError e = check_request(buffers, i);
    if (!e.ok()) return e;
    const BufferRequest& r = buffers[i];
    PlannerSlot& s = work.slots[i];
    const uint64_t rounded = align_up(r.size, r.alignment);
    if (rounded > 0xFFFFFFFFu) return plan_error(PlanStatus::kSizeOverflow, i);
    s.size = static_cast<uint32_t>(rounded);
    s.alignment = r.alignment;
    s.first = r.first_use;
    s.last = r.last_use;
    s.next = -1;
    s.order = -1;
    s.root = r.alias_of == kNoAlias ? i : work.slots[r.alias_of].root;
    if (work.activations_only && r.kind == BufferKind::kScratch) {
      // Empty and never live: placed at 0, it touches nothing.
      s.size = 0;
      s.alignment = 1;
      s.first = -1;
      s.last = -1;
      s.root = i;
      continue;
    }
    if (s.root != i) {
      // Fold into the root: it must hold the largest view for the whole span.
      PlannerSlot& g = work.slots[s.root];
      if (r.alignment > g.alignment) g.alignment = r.alignment;
      if (s.size > g.size) g.size = s.size;
      if (r.first_use < g.first) g.first = r.first_use;
      if (r.last_use > g.last) g.last = r.last_use;
    }
  }
  // A larger alignment folded in late may leave the root size unrounded.
  for (int32_t i = 0; i < n; ++i) {
    PlannerSlot& s = work.slots[i];
    if (s.root != i) continue;
    const uint64_t rounded = align_up(s.size, s.alignment);
    if (rounded > 0xFFFFFFFFu) return plan_error(PlanStatus::kSizeOverflow, i);
    s.size = static_cast<uint32_t>(rounded);
  }
  return PlanError{};
}

PlanError finish_plan(const BufferList& buffers, const PlannerWorkspace& work, ArenaPlan& plan) {
  uint64_t end = 0;
  for (int32_t i = 0; i < buffers.count(); ++i) {
    const PlannerSlot& s = work.slots[i];
    if (s.root != i) {
      plan.offsets[i] = plan.offsets[s.root];  // roots always come first
      continue;
    }
    const uint64_t e = static_cast<uint64_t>(plan.offsets[i]) + s.size;
    if (e > end) end = e;
  }
  if (end > 0xFFFFFFFFu) return plan_error(PlanStatus::kSizeOverflow);
  plan.arena_bytes = static_cast<uint32_t>(end);
  return PlanError{};
}

}  // namespace tinyrt
