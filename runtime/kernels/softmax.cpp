#include "kernels/softmax.h"

#include "kernels/fixed_point.h"
#include "kernels/quantization.h"

namespace tinyrt {

namespace {
constexpr int32_t kScaledDiffIntegerBits = 5;   /// differences in Q5.26
constexpr int32_t kAccumulationIntegerBits = 12; /// sum of exps in Q12.19
}  // namespace

KernelStatus softmax_s8_prepare(float beta, const QuantParams& input_q, const QuantParams& output_q,
                                int32_t outer_size, int32_t depth, SoftmaxParams* p) {
  if (outer_size < 1 || depth < 1) return KernelStatus::kBadShape;
  if (output_q.zero_point != -128) return KernelStatus::kBadQuantization;
  const float d = output_q.scale - 1.0f / 256;
  if (d > 0.001f / 256 || d < -0.001f / 256) return KernelStatus::kBadQuantization;
  if (!(input_q.scale > 0.0f) || !(beta > 0.0f)) return KernelStatus::kBadQuantization;
  double real = static_cast<double>(beta) * static_cast<double>(input_q.scale) *
                static_cast<double>(int64_t{1} << (31 - kScaledDiffIntegerBits));
  const double limit = static_cast<double>((int64_t{1} << 31) - 1);
  if (real > limit) real = limit;
  const QuantizedMultiplier m = quantize_multiplier(real);
  if (m.shift < 0) return KernelStatus::kBadQuantization;  /// TFLite needs a multiplier > 1 here
  p->outer_size = outer_size;
  p->depth = depth;
  p->input_multiplier = m.multiplier;
  p->input_left_shift = m.shift;
  p->diff_min = -calculate_input_radius(kScaledDiffIntegerBits, m.shift);
  return KernelStatus::kOk;
}

int32_t softmax_s8_scratch_bytes(const SoftmaxParams&) { return 0; }

namespace {
/// (x - max) * beta * scale in Q5.26 (TFLite's MultiplyByQuantizedMultiplierGreaterThanOne).
inline int32_t rescale_diff(const SoftmaxParams& p, int32_t diff) {
  const int32_t shifted = static_cast<int32_t>(static_cast<uint32_t>(diff) << p.input_left_shift);
  return saturating_rounding_doubling_high_mul(shifted, p.input_multiplier);
}
}  // namespace

void softmax_s8(const SoftmaxParams& p, const int8_t* input, int8_t* output) {
  for (int32_t row = 0; row < p.outer_size; ++row) {
    const int8_t* x = input + row * p.depth;
    int8_t* y = output + row * p.depth;
    int32_t max_in_row = -128;
    for (int32_t c = 0; c < p.depth; ++c) max_in_row = x[c] > max_in_row ? x[c] : max_in_row;

    int32_t sum_of_exps = 0;  /// Q12.19
    for (int32_t c = 0; c < p.depth; ++c) {
      const int32_t diff = x[c] - max_in_row;
      if (diff >= p.diff_min) {
        const int32_t e = exp_on_negative_values(rescale_diff(p, diff), kScaledDiffIntegerBits);
        sum_of_exps += rounding_divide_by_pot(e, kAccumulationIntegerBits);  /// Q0.31 -> Q12.19
      }
    }
    int32_t num_bits_over_unit = 0;
    const int32_t reciprocal = get_reciprocal(sum_of_exps, kAccumulationIntegerBits, &num_bits_over_unit);
    for (int32_t c = 0; c < p.depth; ++c) {
      const int32_t diff = x[c] - max_in_row;
      int32_t out = -128;
      if (diff >= p.diff_min) {
        const int32_t e = exp_on_negative_values(rescale_diff(p, diff), kScaledDiffIntegerBits);
        /// e / sum in Q0.31, scaled to 1/256 steps: shift right by 31 - 8 more bits.
        /// Beyond 31 bits (sums above 2^8, long rows) the quotient is below half a step: 0.
        const int32_t shift = num_bits_over_unit + 31 - 8;
        const int32_t unsat =
            shift > 31 ? 0 : rounding_divide_by_pot(saturating_rounding_doubling_high_mul(reciprocal, e), shift);
        out = clamp_i32(unsat - 128, -128, 127);
      }
      y[c] = static_cast<int8_t>(out);
    }
  }
}

}  // namespace tinyrt
