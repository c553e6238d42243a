#include "planner/buffer_list.h"

namespace tinyrt {

PlanError BufferList::add(const BufferRequest& request, int32_t* index) {
  if (count_ >= capacity_) {
    PlanError e = plan_error(PlanStatus::kTooManyBuffers);
    e.needed = static_cast<uint32_t>(count_) + 1u;
    e.available = static_cast<uint32_t>(capacity_);
    return e;
  }
  items_[count_] = request;
  const PlanError e = check_request(*this, count_);
  if (!e.ok()) return e;  // not appended: the list stays valid
  if (index != nullptr) *index = count_;
  ++count_;
  return PlanError{};
}

PlanError BufferList::add_activation(uint32_t size, uint32_t alignment, int32_t first_use,
                                     int32_t last_use, int32_t* index) {
  BufferRequest r;
  r.size = size;
  r.alignment = alignment;
  r.first_use = first_use;
  r.last_use = last_use;
  return add(r, index);
}

PlanError BufferList::add_scratch(uint32_t size, uint32_t alignment, int32_t op, int32_t* index) {
  BufferRequest r;
  r.size = size;
  r.alignment = alignment;
  r.first_use = op;
  r.last_use = op;
  r.kind = BufferKind::kScratch;
  return add(r, index);
}

PlanError BufferList::add_alias(int32_t target, int32_t first_use, int32_t last_use,
                                int32_t* index) {
  if (target < 0 || target >= count_) return plan_error(PlanStatus::kBadAlias, count_);
  BufferRequest r = items_[target];
  r.first_use = first_use;
  r.last_use = last_use;
  r.alias_of = target;
  return add(r, index);
}

int32_t BufferList::op_count() const {
  int32_t n = 0;
  for (int32_t i = 0; i < count_; ++i) {
    if (items_[i].last_use + 1 > n) n = items_[i].last_use + 1;
  }
  return n;
}

PlanError check_request(const BufferList& buffers, int32_t index) {
  const BufferRequest& r = buffers[index];
  if (r.alignment == 0 || (r.alignment & (r.alignment - 1u)) != 0) {
    return plan_error(PlanStatus::kBadAlignment, index);
  }
  if (r.first_use < 0 || r.last_use < r.first_use) {
    return plan_error(PlanStatus::kBadLifetime, index);
  }
  // Only earlier targets: alias chains then always end, and one forward pass
  // resolves every group.
  if (r.alias_of != kNoAlias && (r.alias_of < 0 || r.alias_of >= index)) {
    return plan_error(PlanStatus::kBadAlias, index);
  }
  return PlanError{};
}

}  // namespace tinyrt
