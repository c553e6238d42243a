#pragma once
// Test-side storage for one graph: a BufferList, a workspace and a plan, sized
// for `capacity` buffers, plus a first-fit oracle for the true optimum.
#include <stdint.h>

#include <vector>

#include "planner/arena_report.h"
#include "planner/buffer_list.h"
#include "planner/greedy_planner.h"
#include "planner/linear_planner.h"
#include "planner/plan_check.h"

namespace tinyrt_test {

struct Graph {
  explicit Graph(int32_t capacity = 64)
      : requests(capacity), slots(capacity), offsets(capacity),
        list(requests.data(), capacity), work(slots.data(), capacity), plan(offsets.data(), capacity) {}
  // The views point into the vectors: a move keeps their buffers, a copy would not.
  Graph(const Graph&) = delete;
  Graph(Graph&&) = default;

  int32_t act(uint32_t size, uint32_t align, int32_t first, int32_t last) {
    int32_t i = -1;
    last_error = list.add_activation(size, align, first, last, &i);
    return i;
  }
  int32_t scratch(uint32_t size, uint32_t align, int32_t op) {
    int32_t i = -1;
    last_error = list.add_scratch(size, align, op, &i);
    return i;
  }
  int32_t alias(int32_t target, int32_t first, int32_t last) {
    int32_t i = -1;
    last_error = list.add_alias(target, first, last, &i);
    return i;
  }
  tinyrt::PlanError run(const tinyrt::MemoryPlanner& planner) { return planner.plan(list, work, plan); }

  std::vector<tinyrt::BufferRequest> requests;
  std::vector<tinyrt::PlannerSlot> slots;
  std::vector<uint32_t> offsets;
  tinyrt::BufferList list;
  tinyrt::PlannerWorkspace work;
  tinyrt::ArenaPlan plan;
  tinyrt::PlanError last_error;
};

/// A residual block, used by several tests: op0 conv(x0) -> x1 with scratch
/// s0; op1 add(x0, x1) -> x2; op2 conv(x2) -> x3 with scratch s2. Buffers in
/// that order: x0 x1 x2 x3 s0 s2, all 16-byte aligned.
Graph residual_block();

/// The optimum arena for tiny graphs: first fit (lowest free aligned offset)
/// over every placement order of the alias groups. Placing the buffers of an
/// optimal layout in increasing offset order by first fit never puts one
/// higher than it was, so some order reaches the optimum.
uint32_t optimum_arena(const tinyrt::BufferList& list);

}  // namespace tinyrt_test
