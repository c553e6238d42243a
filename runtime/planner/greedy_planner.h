#pragma once
#include "planner/memory_planner.h"

namespace tinyrt {

/// Greedy by size, first fit over lifetimes: the largest buffer goes first, each
/// at the lowest offset that overlaps no placed buffer whose lifetime meets its
/// own. Order key: alignment, then rounded size (both descending), then first
/// use, then index. Placing larger alignments first makes every candidate offset
/// already aligned, so padding never appears and the result never exceeds the
/// linear planner's; with one alignment (the usual case) it is plain
/// greedy-by-size. O(n^2) time, no memory beyond the workspace.
class GreedyPlanner final : public MemoryPlanner {
 public:
  const char* name() const override { return "greedy"; }
  PlanError plan(const BufferList& buffers, PlannerWorkspace& work, ArenaPlan& plan) const override;
};

}  // namespace tinyrt
