#pragma once
/// NumPy-style broadcasting of two 4-D operands (ADD, MUL): a dimension of size 1 in
/// one input repeats along the other's; equal shapes take a flat fast path.
#include <stdint.h>

#include "kernels/types.h"

namespace tinyrt {

struct BroadcastShape {
  Shape4D output;
  int32_t stride1[4];        ///< element strides of input 1 per output dim (0 = repeated)
  int32_t stride2[4];
  int32_t elements;          ///< output element count
  int32_t needs_broadcast;   ///< 0 when both inputs have the output's shape
};

/// Fills *b; kBadShape when a dimension differs and neither side is 1, or the output
/// shape is not the broadcast shape.
KernelStatus broadcast_prepare(const Shape4D& in1, const Shape4D& in2, const Shape4D& output, BroadcastShape* b);

/// Calls f(index1, index2, output_index) for every output element, in order.
template <typename F>
void broadcast_for_each(const BroadcastShape& b, F f) {
  if (!b.needs_broadcast) {
    for (int32_t i = 0; i < b.elements; ++i) f(i, i, i);
    return;
  }
  int32_t o = 0;
  for (int32_t n = 0; n < b.output.batch; ++n)
    for (int32_t y = 0; y < b.output.height; ++y)
      for (int32_t x = 0; x < b.output.width; ++x)
        for (int32_t c = 0; c < b.output.channels; ++c) {
          const int32_t i1 = n * b.stride1[0] + y * b.stride1[1] + x * b.stride1[2] + c * b.stride1[3];
          const int32_t i2 = n * b.stride2[0] + y * b.stride2[1] + x * b.stride2[2] + c * b.stride2[3];
          f(i1, i2, o++);
        }
}

}  // namespace tinyrt
