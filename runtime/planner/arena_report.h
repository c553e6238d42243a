#pragma once
#include <stdint.h>

#include "planner/buffer_list.h"
#include "planner/memory_planner.h"

namespace tinyrt {

/// What the arena holds, by kind. persistent + activation + scratch == total:
/// activation_bytes is the arena the same planner needs for the activations
/// alone; scratch_bytes is what kernel scratch adds to that (0 when all scratch
/// fits in holes between activations).
struct ArenaReport {
  uint32_t persistent_bytes = 0;  ///< interpreter-owned (op params, tensor structs)
  uint32_t activation_bytes = 0;
  uint32_t scratch_bytes = 0;
  uint32_t planned_bytes = 0;  ///< activation + scratch == plan.arena_bytes
  uint32_t total_bytes = 0;    ///< planned + persistent: the arena the chip must give
  /// Largest sum of bytes live at one op: no plan can beat it, so
  /// planned_bytes / peak_live_bytes says how close the planner came.
  uint32_t peak_live_bytes = 0;
  int32_t peak_op = -1;
  int32_t op_count = 0;
  int32_t buffer_count = 0;
  const char* planner = "";
};

/// What the caller has: bytes of persistent data and the arena the chip gives.
struct ArenaBudget {
  uint32_t persistent_bytes = 0;
  uint32_t available_bytes = 0;
};

/// Plans twice (activations alone, then everything: the report's split), checks
/// (debug builds: check_plan, a failure is kOverlap etc.), reports
/// and checks the fit. Arena too small: kArenaTooSmall with needed and
/// available bytes; the plan and *report are still filled in so the user sees
/// where the bytes go.
PlanError plan_arena(const MemoryPlanner& planner, const BufferList& buffers, PlannerWorkspace& work,
                     ArenaPlan& plan, const ArenaBudget& budget, ArenaReport* report);

/// Fills a report for a finished plan (needs the workspace the planner used);
/// activation_only_bytes is arena_bytes of the same planner run with
/// work.activations_only set (plan_arena does both runs).
PlanError make_report(const BufferList& buffers, const PlannerWorkspace& work, const ArenaPlan& plan,
                      uint32_t persistent_bytes, uint32_t activation_only_bytes, ArenaReport* report);

/// One row of the per-op table: buffer `buffer` is live during op `op` at
/// [offset, offset + size). The GUI draws each row as a rectangle.
struct LiveBuffer {
  int32_t op;
  int32_t buffer;
  uint32_t offset;
  uint32_t size;
  BufferKind kind;
  int32_t alias_of;
};

/// Rows live_table() writes: sum over buffers of (last_use - first_use + 1).
int32_t live_table_rows(const BufferList& buffers);

/// Writes the table ordered by op, then offset, then buffer index.
PlanError live_table(const BufferList& buffers, const ArenaPlan& plan, LiveBuffer* rows,
                     int32_t capacity, int32_t* count);

}  // namespace tinyrt
