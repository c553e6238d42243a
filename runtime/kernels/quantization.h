#pragma once
/// Fixed-point requantisation with TFLite's rounding rules (the int8 quantisation
/// spec): real multipliers become a Q31 multiplier and a power-of-two shift at Prepare
/// time; Eval multiplies with a saturating rounding doubling high multiply followed
/// by a rounding (half away from zero) division by a power of two.
#include <stdint.h>

#include "kernels/types.h"

namespace tinyrt {

/// Q31 multiplier and shift with real ~= multiplier * 2^(shift - 31).
/// shift > 0 means a left shift before the multiply.
struct QuantizedMultiplier {
  int32_t multiplier;
  int32_t shift;
};

/// TFLite's QuantizeMultiplier: frexp into [0.5, 1), round(q * 2^31) half away from
/// zero, a mantissa that rounds up to 2^31 is halved (shift + 1); multipliers below
/// 2^-32 become {0, 0}; shifts above 30 saturate to {INT32_MAX, 30}. Prepare-time only.
QuantizedMultiplier quantize_multiplier(double real_multiplier);

/// high 32 bits of 2*a*b, rounded half away from zero; saturates the single overflow
/// case a == b == INT32_MIN to INT32_MAX (ARM's SQRDMULH / gemmlowp semantics).
inline int32_t saturating_rounding_doubling_high_mul(int32_t a, int32_t b) {
  if (a == INT32_MIN && b == INT32_MIN) return INT32_MAX;
  const int64_t ab = static_cast<int64_t>(a) * static_cast<int64_t>(b);
  /// gemmlowp adds a nudge of 2^30 (or 1 - 2^30 when ab < 0) and divides by 2^31
  /// truncating toward zero; both cases equal floor((ab + 2^30) / 2^31), i.e. ties
  /// toward +infinity, which is one multiply-accumulate and a shift on a Cortex-M.
  return static_cast<int32_t>((ab + (int64_t{1} << 30)) >> 31);
}

/// x / 2^exponent rounded to nearest, ties away from zero; exponent in [0, 31].
inline int32_t rounding_divide_by_pot(int32_t x, int32_t exponent) {
  const int32_t mask = static_cast<int32_t>((int64_t{1} << exponent) - 1);
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

/// TFLite's MultiplyByQuantizedMultiplier (double-rounding form used by the
/// reference kernels): left shift, high multiply, rounding right shift.
inline int32_t multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int32_t shift) {
  const int32_t left = shift > 0 ? shift : 0;
  const int32_t right = shift > 0 ? 0 : -shift;
  /// Shift as unsigned: the same two's-complement result without signed overflow UB.
  const int32_t shifted = static_cast<int32_t>(static_cast<uint32_t>(x) << left);
  return rounding_divide_by_pot(saturating_rounding_doubling_high_mul(shifted, multiplier), right);
}

/// Round half away from zero (TfLiteRound / std::round) without libm; exact for
/// every float, so host and soft-float firmware agree. Usable in Eval.
int32_t round_to_int32(float x);

/// int8 output range of a fused activation (TFLite's CalculateActivationRangeQuantized):
/// the quantised values of 0, 6, -1, 1 clamped to [-128, 127].
KernelStatus activation_range_s8(FusedActivation act, const QuantParams& output, int32_t* act_min,
                                 int32_t* act_max);

/// TFLite's CalculateInputRadius: the largest |input - zero_point| whose rescaled value
/// still fits total_signed_bits with input_integer_bits integer bits.
int32_t calculate_input_radius(int32_t input_integer_bits, int32_t input_left_shift,
                               int32_t total_signed_bits = 31);

inline int32_t clamp_i32(int32_t v, int32_t lo, int32_t hi) { return v < lo ? lo : (v > hi ? hi : v); }

}  // namespace tinyrt
