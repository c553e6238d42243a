#pragma once
/// SOFTMAX, int8 in and out (output scale 1/256, zero point -128), over the last
/// dimension, with TFLite's fixed-point algorithm: beta * scale folded into a Q31
/// multiplier and left shift, differences to the row max rescaled to Q5.26, exp on
/// negative values, sum in Q12.19, one reciprocal per row.
#include <stdint.h>

#include "kernels/types.h"

namespace tinyrt {

struct SoftmaxParams {
  int32_t outer_size;        ///< rows
  int32_t depth;             ///< last dimension
  int32_t input_multiplier;  ///< beta * input_scale * 2^26 as Q31 multiplier ...
  int32_t input_left_shift;  ///< ... and left shift (>= 0)
  int32_t diff_min;          ///< differences below this give probability 0
};

/// Prepare: output must be scale 1/256 (+-0.1 %), zero point -128 (TFLite's int8 rule).
KernelStatus softmax_s8_prepare(float beta, const QuantParams& input_q, const QuantParams& output_q,
                                int32_t outer_size, int32_t depth, SoftmaxParams* params);

/// Scratch bytes Eval needs: 0.
int32_t softmax_s8_scratch_bytes(const SoftmaxParams& params);

void softmax_s8(const SoftmaxParams& p, const int8_t* input, int8_t* output);

}  // namespace tinyrt
