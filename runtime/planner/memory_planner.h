#pragma once
#include <stdint.h>

#include "planner/buffer_list.h"
#include "planner/plan_status.h"

namespace tinyrt {

/// A planner's output: one offset per buffer (caller storage) and the bytes of
/// arena the planned buffers span. Offsets are relative to the arena base, which
/// the caller aligns to the largest buffer alignment.
struct ArenaPlan {
  ArenaPlan(uint32_t* offsets_storage, int32_t capacity_)
      : offsets(offsets_storage), capacity(capacity_) {}

  uint32_t* offsets;
  int32_t capacity;
  int32_t count = 0;
  /// max(offset + size rounded up to its alignment): every buffer owns whole
  /// alignment units, so two neighbours never straddle one unit.
  uint32_t arena_bytes = 0;
  const char* planner = "";
};

/// Per-buffer working state a planner needs; opaque to callers, who only size it.
struct PlannerSlot {
  uint32_t size;       ///< group size, rounded to the group alignment (roots only)
  uint32_t alignment;  ///< largest alignment in the group (roots only)
  int32_t first;       ///< union of the group's lifetimes (roots only)
  int32_t last;
  int32_t root;  ///< buffer whose bytes this one uses (itself if not an alias)
  int32_t next;   ///< planner-private link
  int32_t order;  ///< planner-private link
};

/// Caller-owned slots: one per buffer.
struct PlannerWorkspace {
  PlannerWorkspace(PlannerSlot* storage, int32_t capacity_) : slots(storage), capacity(capacity_) {}
  PlannerSlot* slots;
  int32_t capacity;
  /// Plan as if scratch buffers were absent (they get offset 0 and no bytes):
  /// the report uses it to say what activations alone need.
  bool activations_only = false;
};

/// One arena planner. Planners are interchangeable: the interpreter, tests and
/// the report take any of them.
class MemoryPlanner {
 public:
  virtual const char* name() const = 0;
  /// Fills plan.offsets[0..buffers.count()) and plan.arena_bytes; on success
  /// the workspace holds the alias groups (arena_report.h reads them).
  virtual PlanError plan(const BufferList& buffers, PlannerWorkspace& work,
                         ArenaPlan& plan) const = 0;

 protected:
  /// Planners are never deleted through this interface (no heap); a
  /// non-virtual destructor keeps operator delete out of the firmware.
  ~MemoryPlanner() = default;
};

}  // namespace tinyrt
