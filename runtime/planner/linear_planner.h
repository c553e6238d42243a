#pragma once
#include "planner/memory_planner.h"

namespace tinyrt {

/// No reuse: every buffer (alias group) gets its own bytes, in index order. The
/// baseline the greedy planner is measured against, and a safe fallback.
class LinearPlanner final : public MemoryPlanner {
 public:
  const char* name() const override { return "linear"; }
  PlanError plan(const BufferList& buffers, PlannerWorkspace& work, ArenaPlan& plan) const override;
};

}  // namespace tinyrt
