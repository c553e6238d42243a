#include "planner/plan_status.h"

namespace tinyrt {

const char* plan_status_name(PlanStatus status) {
  switch (status) {
    case PlanStatus::kOk: return "ok";
    case PlanStatus::kTooManyBuffers: return "too_many_buffers";
    case PlanStatus::kBadAlignment: return "bad_alignment";
    case PlanStatus::kBadLifetime: return "bad_lifetime";
    case PlanStatus::kBadAlias: return "bad_alias";
    case PlanStatus::kWorkspaceTooSmall: return "workspace_too_small";
    case PlanStatus::kPlanTooSmall: return "plan_too_small";
    case PlanStatus::kSizeOverflow: return "size_overflow";
    case PlanStatus::kMisaligned: return "misaligned";
    case PlanStatus::kOverlap: return "overlap";
    case PlanStatus::kAliasMoved: return "alias_moved";
    case PlanStatus::kOutOfArena: return "out_of_arena";
    case PlanStatus::kArenaTooSmall: return "arena_too_small";
    case PlanStatus::kTableTooSmall: return "table_too_small";
  }
  return "unknown";
}

}  // namespace tinyrt
