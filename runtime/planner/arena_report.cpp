#include "planner/arena_report.h"

#include "planner/alias_groups.h"
#include "planner/plan_check.h"

namespace tinyrt {

PlanError make_report(const BufferList& buffers, const PlannerWorkspace& work, const ArenaPlan& plan,
                      uint32_t persistent_bytes, uint32_t activation_only_bytes,
                      ArenaReport* report) {
  ArenaReport r;
  r.planner = plan.planner;
  r.persistent_bytes = persistent_bytes;
  r.planned_bytes = plan.arena_bytes;
  r.buffer_count = buffers.count();
  r.op_count = buffers.op_count();
  // Greedy placement is not monotonic: adding scratch can, rarely, shrink the
  // arena; the split then reports no scratch cost rather than a negative one.
  r.activation_bytes =
      activation_only_bytes < r.planned_bytes ? activation_only_bytes : r.planned_bytes;
  r.scratch_bytes = r.planned_bytes - r.activation_bytes;
  const uint64_t total = static_cast<uint64_t>(r.planned_bytes) + persistent_bytes;
  if (total > 0xFFFFFFFFu) return plan_error(PlanStatus::kSizeOverflow);
  r.total_bytes = static_cast<uint32_t>(total);

  // Peak: each alias group counted once, over its whole reserved span.
  for (int32_t op = 0; op < r.op_count; ++op) {
    uint64_t live = 0;
    for (int32_t i = 0; i < buffers.count(); ++i) {
      const PlannerSlot& s = work.slots[i];
      if (s.root == i && s.first <= op && op <= s.last) live += s.size;
    }
    if (live > r.peak_live_bytes) {
      r.peak_live_bytes = static_cast<uint32_t>(live);  // <= planned_bytes
      r.peak_op = op;
    }
  }
  if (report != nullptr) *report = r;
  return PlanError{};
}

PlanError plan_arena(const MemoryPlanner& planner, const BufferList& buffers, PlannerWorkspace& work,
                     ArenaPlan& plan, const ArenaBudget& budget, ArenaReport* report) {
  work.activations_only = true;
  PlanError e = planner.plan(buffers, work, plan);
  work.activations_only = false;
  if (!e.ok()) return e;
  const uint32_t activation_only_bytes = plan.arena_bytes;
  e = planner.plan(buffers, work, plan);
  if (!e.ok()) return e;
#ifndef NDEBUG
  // A planner bug must stop here, not corrupt tensors at run time.
  e = check_plan(buffers, plan);
  if (!e.ok()) return e;
#endif
  ArenaReport r;
  e = make_report(buffers, work, plan, budget.persistent_bytes, activation_only_bytes, &r);
  if (!e.ok()) return e;
  if (report != nullptr) *report = r;
  if (r.total_bytes > budget.available_bytes) {
    e = plan_error(PlanStatus::kArenaTooSmall);
    e.needed = r.total_bytes;
    e.available = budget.available_bytes;
    return e;
  }
  return PlanError{};
}

int32_t live_table_rows(const BufferList& buffers) {
  int32_t rows = 0;
  for (int32_t i = 0; i < buffers.count(); ++i) rows += buffers[i].last_use - buffers[i].first_use + 1;
  return rows;
}

namespace {

bool row_before(const LiveBuffer& a, const LiveBuffer& b) {
  if (a.offset != b.offset) return a.offset < b.offset;
  return a.buffer < b.buffer;
}

}  // namespace

PlanError live_table(const BufferList& buffers, const ArenaPlan& plan, LiveBuffer* rows,
                     int32_t capacity, int32_t* count) {
  const int32_t needed = live_table_rows(buffers);
  if (capacity < needed || plan.count != buffers.count()) {
    PlanError e = plan_error(PlanStatus::kTableTooSmall);
    e.needed = static_cast<uint32_t>(needed);
    e.available = static_cast<uint32_t>(capacity < 0 ? 0 : capacity);
    return e;
  }
  int32_t n = 0;
  const int32_t ops = buffers.op_count();
  for (int32_t op = 0; op < ops; ++op) {
    const int32_t op_start = n;
    for (int32_t i = 0; i < buffers.count(); ++i) {
      const BufferRequest& b = buffers[i];
      if (op < b.first_use || op > b.last_use) continue;
      const LiveBuffer row{op, i, plan.offsets[i], b.size, b.kind, b.alias_of};
      int32_t k = n++;
      // Insertion sort within this op's rows: few buffers are live at once.
      while (k > op_start && row_before(row, rows[k - 1])) {
        rows[k] = rows[k - 1];
        --k;
      }
      rows[k] = row;
    }
  }
  if (count != nullptr) *count = n;
  return PlanError{};
}

}  // namespace tinyrt
