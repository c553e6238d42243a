#include "kernels/quantize.h"

#include "kernels/quantization.h"

namespace tinyrt {

void quantize_f32_to_s8(const QuantParams& q, const float* input, int8_t* output, int32_t elements) {
  for (int32_t i = 0; i < elements; ++i) {
    /// Saturating add: round_to_int32 may return INT32_MIN/MAX for huge inputs.
    const int64_t v = static_cast<int64_t>(round_to_int32(input[i] / q.scale)) + q.zero_point;
    output[i] = static_cast<int8_t>(v < -128 ? -128 : (v > 127 ? 127 : v));
  }
}

void dequantize_s8_to_f32(const QuantParams& q, const int8_t* input, float* output, int32_t elements) {
  const double scale = static_cast<double>(q.scale);
  for (int32_t i = 0; i < elements; ++i) output[i] = static_cast<float>(scale * (input[i] - q.zero_point));
}

KernelStatus requantize_s8_prepare(const QuantParams& input_q, const QuantParams& output_q, int32_t elements,
                                   RequantizeParams* p) {
  if (!(input_q.scale > 0.0f) || !(output_q.scale > 0.0f) || elements < 0) return KernelStatus::kBadQuantization;
  const QuantizedMultiplier m =
      quantize_multiplier(static_cast<double>(input_q.scale) / static_cast<double>(output_q.scale));
  p->input_zero_point = input_q.zero_point;
  p->output_zero_point = output_q.zero_point;
  p->multiplier = m.multiplier;
  p->shift = m.shift;
  p->elements = elements;
  return KernelStatus::kOk;
}

void requantize_s8(const RequantizeParams& p, const int8_t* input, int8_t* output) {
  for (int32_t i = 0; i < p.elements; ++i) {
    const int32_t v =
        multiply_by_quantized_multiplier(input[i] - p.input_zero_point, p.multiplier, p.shift) + p.output_zero_point;
    output[i] = static_cast<int8_t>(clamp_i32(v, -128, 127));
  }
}

}  // namespace tinyrt
