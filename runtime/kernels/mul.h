#pragma once
/// MUL, int8 with broadcasting: (x1 - zp1) * (x2 - zp2) requantised by
/// scale1 * scale2 / scale_out (TFLite's int8 MUL arithmetic).
#include <stdint.h>

#include "kernels/broadcast.h"
#include "kernels/types.h"

namespace tinyrt {

struct MulParams {
  BroadcastShape shape;
  int32_t input1_offset, input2_offset;  ///< -zero points
  int32_t output_offset;
  int32_t output_multiplier, output_shift;
  int32_t act_min, act_max;
};

KernelStatus mul_s8_prepare(FusedActivation activation, const Shape4D& input1, const QuantParams& input1_q,
                            const Shape4D& input2, const QuantParams& input2_q, const Shape4D& output,
                            const QuantParams& output_q, MulParams* params);

/// Scratch bytes Eval needs: 0.
int32_t mul_s8_scratch_bytes(const MulParams& params);

void mul_s8(const MulParams& p, const int8_t* input1, const int8_t* input2, int8_t* output);

}  // namespace tinyrt
