#pragma once
#include <stdint.h>

#include "planner/plan_status.h"

namespace tinyrt {

/// What a buffer holds; the report splits the arena by kind.
enum class BufferKind : uint8_t { kActivation, kScratch };

constexpr int32_t kNoAlias = -1;

/// One buffer the arena must hold. It is live from op first_use to op last_use,
/// both inclusive, so an op's input and output never share bytes.
struct BufferRequest {
  uint32_t size = 0;       ///< bytes
  uint32_t alignment = 1;  ///< power of two, relative to the arena base
  int32_t first_use = 0;   ///< op that writes it first
  int32_t last_use = 0;    ///< op that reads it last
  BufferKind kind = BufferKind::kActivation;
  /// kNoAlias, or an earlier buffer whose bytes this one reuses (RESHAPE output):
  /// same offset, and the target stays reserved until the alias's last use.
  int32_t alias_of = kNoAlias;
};

/// The graph's buffers, in storage the caller owns (no heap).
class BufferList {
 public:
  BufferList(BufferRequest* storage, int32_t capacity) : items_(storage), capacity_(capacity) {}

  /// Appends a request; returns its index in *index (may be null).
  PlanError add(const BufferRequest& request, int32_t* index = nullptr);
  PlanError add_activation(uint32_t size, uint32_t alignment, int32_t first_use,
                           int32_t last_use, int32_t* index = nullptr);
  /// Kernel scratch: lives during the single op that asks for it.
  PlanError add_scratch(uint32_t size, uint32_t alignment, int32_t op, int32_t* index = nullptr);
  /// A view of `target` (RESHAPE): same bytes, used from first_use to last_use.
  PlanError add_alias(int32_t target, int32_t first_use, int32_t last_use,
                      int32_t* index = nullptr);

  int32_t count() const { return count_; }
  int32_t capacity() const { return capacity_; }
  const BufferRequest& operator[](int32_t i) const { return items_[i]; }
  /// Ops the graph spans: 1 + the largest last_use (0 when empty).
  int32_t op_count() const;
  void clear() { count_ = 0; }

 private:
  BufferRequest* items_;
  int32_t capacity_;
  int32_t count_ = 0;
};

/// Checks one request against the ones before it (alignment, lifetime, alias).
PlanError check_request(const BufferList& buffers, int32_t index);

}  // namespace tinyrt
