#pragma once
/// ADD, int8 with broadcasting: both inputs are rescaled to a common scale (2 x the
/// larger input scale) with 20 bits of headroom, added, and requantised (TFLite's
/// int8 ADD arithmetic).
#include <stdint.h>

#include "kernels/broadcast.h"
#include "kernels/types.h"

namespace tinyrt {

struct AddParams {
  BroadcastShape shape;
  int32_t input1_offset, input2_offset;  ///< -zero points
  int32_t output_offset;                 ///< output zero point
  int32_t left_shift;                    ///< 20: headroom before rescaling
  int32_t input1_multiplier, input1_shift;
  int32_t input2_multiplier, input2_shift;
  int32_t output_multiplier, output_shift;
  int32_t act_min, act_max;
};

/// Prepare: multipliers in1/(2 max), in2/(2 max), (2 max)/(2^20 out), each < 1.
KernelStatus add_s8_prepare(FusedActivation activation, const Shape4D& input1, const QuantParams& input1_q,
                            const Shape4D& input2, const QuantParams& input2_q, const Shape4D& output,
                            const QuantParams& output_q, AddParams* params);

/// Scratch bytes Eval needs: 0.
int32_t add_s8_scratch_bytes(const AddParams& params);

void add_s8(const AddParams& p, const int8_t* input1, const int8_t* input2, int8_t* output);

}  // namespace tinyrt
