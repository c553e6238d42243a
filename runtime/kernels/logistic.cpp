#include "kernels/logistic.h"

#include "kernels/fixed_point.h"
#include "kernels/quantization.h"

namespace tinyrt {

namespace {
constexpr int32_t kInputIntegerBits = 4;  /// inputs in Q4.27: |x| < 16

KernelStatus prepare_input(const QuantParams& input_q, int32_t elements, SigmoidParams* p) {
  if (!(input_q.scale > 0.0f) || elements < 0) return KernelStatus::kBadQuantization;
  const QuantizedMultiplier m = quantize_multiplier(static_cast<double>(input_q.scale) *
                                                    static_cast<double>(int32_t{1} << (31 - kInputIntegerBits)));
  p->input_zero_point = input_q.zero_point;
  p->input_multiplier = m.multiplier;
  p->input_left_shift = m.shift;
  p->input_range_radius = calculate_input_radius(kInputIntegerBits, m.shift);
  p->elements = elements;
  return KernelStatus::kOk;
}
}  // namespace

KernelStatus logistic_s8_prepare(const QuantParams& input_q, const QuantParams& output_q, int32_t elements,
                                 SigmoidParams* p) {
  if (output_q.zero_point != -128 || output_q.scale != 1.0f / 256) return KernelStatus::kBadQuantization;
  return prepare_input(input_q, elements, p);
}

KernelStatus tanh_s8_prepare(const QuantParams& input_q, const QuantParams& output_q, int32_t elements,
                             SigmoidParams* p) {
  if (output_q.zero_point != 0 || output_q.scale != 1.0f / 128) return KernelStatus::kBadQuantization;
  return prepare_input(input_q, elements, p);
}

int32_t sigmoid_s8_scratch_bytes(const SigmoidParams&) { return 0; }

void logistic_s8(const SigmoidParams& p, const int8_t* input, int8_t* output) {
  for (int32_t i = 0; i < p.elements; ++i) {
    const int32_t x = input[i] - p.input_zero_point;
    int32_t out;
    if (x <= -p.input_range_radius) {
      out = -128;
    } else if (x >= p.input_range_radius) {
      out = 127;
    } else {
      const int32_t x_q4 = multiply_by_quantized_multiplier(x, p.input_multiplier, p.input_left_shift);
      /// Q0.31 probability to 1/256 steps, then the -128 zero point.
      out = clamp_i32(rounding_divide_by_pot(fixed_logistic(x_q4, kInputIntegerBits), 31 - 8) - 128, -128, 127);
    }
    output[i] = static_cast<int8_t>(out);
  }
}

void tanh_s8(const SigmoidParams& p, const int8_t* input, int8_t* output) {
  for (int32_t i = 0; i < p.elements; ++i) {
    const int32_t x = input[i] - p.input_zero_point;
    int32_t out;
    if (x <= -p.input_range_radius) {
      out = -128;
    } else if (x >= p.input_range_radius) {
      out = 127;
    } else {
      const int32_t x_q4 = multiply_by_quantized_multiplier(x, p.input_multiplier, p.input_left_shift);
      /// Q0.31 in (-1, 1) to 1/128 steps.
      out = clamp_i32(rounding_divide_by_pot(fixed_tanh(x_q4, kInputIntegerBits), 31 - 7), -128, 127);
    }
    output[i] = static_cast<int8_t>(out);
  }
}

}  // namespace tinyrt
