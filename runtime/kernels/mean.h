#pragma once
/// MEAN over height and width of an int8 NHWC tensor (the global average pooling
/// form TinyML models use), with TFLite Micro's integer Mean: sum of (x - zp_in),
/// times in_scale/out_scale as a Q31 multiplier, divided by the element count
/// rounding half away from zero, plus zp_out.
#include <stdint.h>

#include "kernels/types.h"

namespace tinyrt {

struct MeanParams {
  Shape4D input;
  int32_t input_zero_point;
  int32_t output_zero_point;
  int32_t multiplier, shift;  ///< in_scale / out_scale
};

/// axes: the reduction axes of the 4-D input; only {1, 2} (in either order) is
/// supported, other reductions return kUnsupported. output_elements must be N * C
/// (keep_dims or not).
KernelStatus mean_s8_prepare(const Shape4D& input, const QuantParams& input_q, const int32_t* axes,
                             int32_t axis_count, int32_t output_elements, const QuantParams& output_q,
                             MeanParams* params);

/// Scratch bytes Eval needs: 0.
int32_t mean_s8_scratch_bytes(const MeanParams& params);

void mean_s8(const MeanParams& p, const int8_t* input, int8_t* output);

}  // namespace tinyrt
