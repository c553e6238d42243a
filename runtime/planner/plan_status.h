#pragma once
#include <stdint.h>

namespace tinyrt {

/// Why planning failed; kOk when it did not.
enum class PlanStatus : uint8_t {
  kOk,
  kTooManyBuffers,     ///< BufferList storage is full.
  kBadAlignment,       ///< alignment is 0 or not a power of two.
  kBadLifetime,        ///< first_use < 0 or last_use < first_use.
  kBadAlias,           ///< alias_of does not name an earlier buffer.
  kWorkspaceTooSmall,  ///< PlannerWorkspace holds fewer slots than buffers.
  kPlanTooSmall,       ///< ArenaPlan holds fewer offsets than buffers.
  kSizeOverflow,       ///< an offset or the arena would not fit in 32 bits.
  kMisaligned,         ///< checker: an offset breaks its buffer's alignment.
  kOverlap,            ///< checker: two buffers live at once share bytes.
  kAliasMoved,         ///< checker: an alias does not sit at its target's offset.
  kOutOfArena,         ///< checker: a buffer ends past the plan's arena_bytes.
  kArenaTooSmall,      ///< the plan needs more bytes than the chip gives.
  kTableTooSmall,      ///< live table storage too small.
};

/// A planning error with the detail a user needs: the buffers involved and, for
/// kArenaTooSmall, the bytes needed vs available.
struct PlanError {
  PlanStatus status = PlanStatus::kOk;
  int32_t buffer = -1;  ///< first buffer involved, -1 if none
  int32_t other = -1;   ///< second buffer (kOverlap), -1 if none
  uint32_t needed = 0;     ///< bytes needed (kArenaTooSmall, k*TooSmall: entries)
  uint32_t available = 0;  ///< bytes or entries available

  bool ok() const { return status == PlanStatus::kOk; }
};

inline PlanError plan_error(PlanStatus s, int32_t buffer = -1, int32_t other = -1) {
  PlanError e;
  e.status = s;
  e.buffer = buffer;
  e.other = other;
  return e;
}

/// Stable lower-case name for logs and reports, e.g. "arena_too_small".
const char* plan_status_name(PlanStatus status);

}  // namespace tinyrt
