#include "kernels/concatenation.h"

#include <string.h>

namespace tinyrt {

namespace {
int32_t dim(const Shape4D& s, int32_t i) {
  return i == 0 ? s.batch : (i == 1 ? s.height : (i == 2 ? s.width : s.channels));
}
}  // namespace

KernelStatus concatenation_s8_prepare(int32_t axis, const Shape4D* inputs, const QuantParams* input_qs,
                                      int32_t input_count, const Shape4D& output, const QuantParams& output_q,
                                      int32_t* copy_sizes, ConcatenationParams* p) {
  if (axis < 0 || axis > 3 || input_count < 1) return KernelStatus::kBadShape;
  int32_t axis_sum = 0;
  for (int32_t k = 0; k < input_count; ++k) {
    for (int32_t i = 0; i < 4; ++i) {
      if (i != axis && dim(inputs[k], i) != dim(output, i)) return KernelStatus::kBadShape;
    }
    if (input_qs[k].scale != output_q.scale || input_qs[k].zero_point != output_q.zero_point) {
      return KernelStatus::kBadQuantization;
    }
    axis_sum += dim(inputs[k], axis);
  }
  if (axis_sum != dim(output, axis)) return KernelStatus::kBadShape;
  int32_t inner = 1;
  for (int32_t i = axis + 1; i < 4; ++i) inner *= dim(output, i);
  int32_t outer = 1;
  for (int32_t i = 0; i < axis; ++i) outer *= dim(output, i);
  for (int32_t k = 0; k < input_count; ++k) copy_sizes[k] = dim(inputs[k], axis) * inner;
  p->input_count = input_count;
  p->outer_size = outer;
  p->copy_sizes = copy_sizes;
  p->output_row = axis_sum * inner;
  return KernelStatus::kOk;
}

void concatenation_s8(const ConcatenationParams& p, const int8_t* const* inputs, int8_t* output) {
  int8_t* o = output;
  for (int32_t row = 0; row < p.outer_size; ++row) {
    for (int32_t k = 0; k < p.input_count; ++k) {
      const size_t n = static_cast<size_t>(p.copy_sizes[k]);
      memcpy(o, inputs[k] + row * p.copy_sizes[k], n);
      o += n;
    }
  }
}

}  // namespace tinyrt
