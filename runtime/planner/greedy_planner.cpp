#include "planner/greedy_planner.h"

#include "planner/alias_groups.h"

namespace tinyrt {
namespace {

/// True when root a is placed before root b (b was added earlier on ties).
bool goes_before(const PlannerSlot& a, const PlannerSlot& b) {
  if (a.alignment != b.alignment) return a.alignment > b.alignment;
  if (a.size != b.size) return a.size > b.size;
  return a.first < b.first;
}

/// Links the roots into the `order` list, largest first; returns its head.
int32_t sort_roots(int32_t n, PlannerSlot* slots) {
  int32_t head = -1;
  for (int32_t i = 0; i < n; ++i) {
    if (slots[i].root != i) continue;
    if (head < 0 || goes_before(slots[i], slots[head])) {
      slots[i].order = head;
      head = i;
      continue;
    }
    int32_t p = head;
    while (slots[p].order >= 0 && !goes_before(slots[i], slots[slots[p].order])) p = slots[p].order;
    slots[i].order = slots[p].order;
    slots[p].order = i;
  }
  return head;
}

}  // namespace

PlanError GreedyPlanner::plan(const BufferList& buffers, PlannerWorkspace& work, ArenaPlan& plan) const {
  plan.planner = name();
  PlanError e = resolve_alias_groups(buffers, work, plan);
  if (!e.ok()) return e;
  PlannerSlot* slots = work.slots;
  uint32_t* offsets = plan.offsets;

  // `next` links the placed roots by increasing offset.
  int32_t placed = -1;
  for (int32_t b = sort_roots(buffers.count(), slots); b >= 0; b = slots[b].order) {
    const PlannerSlot& sb = slots[b];
    uint64_t candidate = 0;
    for (int32_t p = placed; p >= 0; p = slots[p].next) {
      const PlannerSlot& sp = slots[p];
      if (!lifetimes_intersect(sb.first, sb.last, sp.first, sp.last)) continue;
      if (candidate + sb.size <= offsets[p]) break;  // fits in the gap below p
      const uint64_t end = align_up(static_cast<uint64_t>(offsets[p]) + sp.size, sb.alignment);
      if (end > candidate) candidate = end;
    }
    if (candidate + sb.size > 0xFFFFFFFFu) return plan_error(PlanStatus::kSizeOverflow, b);
    offsets[b] = static_cast<uint32_t>(candidate);
    if (placed < 0 || offsets[placed] > offsets[b]) {
      slots[b].next = placed;
      placed = b;
    } else {
      int32_t p = placed;
      while (slots[p].next >= 0 && offsets[slots[p].next] <= offsets[b]) p = slots[p].next;
      slots[b].next = slots[p].next;
      slots[p].next = b;
    }
  }
  return finish_plan(buffers, work, plan);
}

}  // namespace tinyrt
