#pragma once
/// LOGISTIC and TANH, int8, with TFLite Micro's fixed-point algorithms: the input
/// (x - zp) is rescaled to Q4.27, inputs beyond the representable radius saturate,
/// the rest go through fixed-point logistic / tanh. LOGISTIC's output is fixed at
/// scale 1/256, zero point -128; TANH's at scale 1/128, zero point 0.
#include <stdint.h>

#include "kernels/types.h"

namespace tinyrt {

/// Input rescaling shared by LOGISTIC and TANH.
struct SigmoidParams {
  int32_t input_zero_point;
  int32_t input_range_radius;  ///< |x - zp| at or beyond this saturates the output
  int32_t input_multiplier;    ///< input_scale * 2^27 as Q31 multiplier ...
  int32_t input_left_shift;    ///< ... and shift
  int32_t elements;
};

/// Prepare: checks the output quantisation TFLite fixes for the op.
KernelStatus logistic_s8_prepare(const QuantParams& input_q, const QuantParams& output_q, int32_t elements,
                                 SigmoidParams* params);
KernelStatus tanh_s8_prepare(const QuantParams& input_q, const QuantParams& output_q, int32_t elements,
                             SigmoidParams* params);

/// Scratch bytes either needs: 0.
int32_t sigmoid_s8_scratch_bytes(const SigmoidParams& params);

void logistic_s8(const SigmoidParams& p, const int8_t* input, int8_t* output);
void tanh_s8(const SigmoidParams& p, const int8_t* input, int8_t* output);

}  // namespace tinyrt
