#include "planner/plan_check.h"

namespace tinyrt {
namespace {

int32_t root_of(const BufferList& buffers, int32_t i) {
  while (buffers[i].alias_of != kNoAlias) i = buffers[i].alias_of;
  return i;
}

}  // namespace

PlanError check_plan(const BufferList& buffers, const ArenaPlan& plan) {
  const int32_t n = buffers.count();
  if (plan.count != n || plan.capacity < n) return plan_error(PlanStatus::kPlanTooSmall);
  for (int32_t i = 0; i < n; ++i) {
    const PlanError e = check_request(buffers, i);
    if (!e.ok()) return e;
    const BufferRequest& r = buffers[i];
    const uint32_t offset = plan.offsets[i];
    if ((offset & (r.alignment - 1u)) != 0) return plan_error(PlanStatus::kMisaligned, i);
    if (static_cast<uint64_t>(offset) + r.size > plan.arena_bytes) {
      return plan_error(PlanStatus::kOutOfArena, i);
    }
    if (r.alias_of != kNoAlias && offset != plan.offsets[r.alias_of]) {
      return plan_error(PlanStatus::kAliasMoved, i, r.alias_of);
    }
  }
  for (int32_t i = 0; i < n; ++i) {
    const BufferRequest& a = buffers[i];
    const uint64_t a_lo = plan.offsets[i];
    const uint64_t a_hi = a_lo + a.size;
    const int32_t a_root = root_of(buffers, i);
    for (int32_t j = i + 1; j < n; ++j) {
      const BufferRequest& b = buffers[j];
      if (a.first_use > b.last_use || b.first_use > a.last_use) continue;
      const uint64_t b_lo = plan.offsets[j];
      const uint64_t b_hi = b_lo + b.size;
      if (a_lo >= b_hi || b_lo >= a_hi) continue;  // disjoint bytes (or empty)
      if (root_of(buffers, j) == a_root) continue;  // views of the same bytes
      return plan_error(PlanStatus::kOverlap, i, j);
    }
  }
  return PlanError{};
}

}  // namespace tinyrt
