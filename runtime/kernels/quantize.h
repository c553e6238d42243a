#pragma once
/// QUANTIZE (float -> int8, int8 -> int8 requantise) and DEQUANTIZE (int8 -> float)
/// with TFLite's rounding: q = round_half_away(x / scale) + zp, clamped;
/// x = float(double(scale) * (q - zp)).
#include <stdint.h>

#include "kernels/types.h"

namespace tinyrt {

/// float -> int8 (model input).
void quantize_f32_to_s8(const QuantParams& output_q, const float* input, int8_t* output, int32_t elements);

/// int8 -> float (model output).
void dequantize_s8_to_f32(const QuantParams& input_q, const int8_t* input, float* output, int32_t elements);

/// int8 -> int8 with different quantisation: MBQM(x - zp_in, in_scale / out_scale) + zp_out.
struct RequantizeParams {
  int32_t input_zero_point;
  int32_t output_zero_point;
  int32_t multiplier, shift;
  int32_t elements;
};

KernelStatus requantize_s8_prepare(const QuantParams& input_q, const QuantParams& output_q, int32_t elements,
                                   RequantizeParams* params);
void requantize_s8(const RequantizeParams& p, const int8_t* input, int8_t* output);

}  // namespace tinyrt
