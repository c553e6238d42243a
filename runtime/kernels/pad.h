#pragma once
/// PAD, int8 NHWC: copies the input into the output with the given before/after
/// padding per dimension; pad cells hold the output zero point (real 0), as TFLite
/// does when no constant is given.
#include <stdint.h>

#include "kernels/types.h"

namespace tinyrt {

struct PadParams {
  Shape4D input;
  Shape4D output;
  int32_t before[4];  ///< N, H, W, C
  int8_t pad_value;
};

/// paddings: the .tflite paddings tensor for a 4-D input, [4][2] {before, after}.
/// Input and output quantisation must be equal.
KernelStatus pad_s8_prepare(const Shape4D& input, const QuantParams& input_q, const int32_t paddings[4][2],
                            const Shape4D& output, const QuantParams& output_q, PadParams* params);

void pad_s8(const PadParams& p, const int8_t* input, int8_t* output);

}  // namespace tinyrt
