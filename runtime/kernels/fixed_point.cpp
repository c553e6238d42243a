#include "kernels/fixed_point.h"

#include "kernels/quantization.h"

namespace tinyrt {

namespace {
/// Wrapping int32 arithmetic: gemmlowp adds raw values without saturation.
inline int32_t wrap_add(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) + static_cast<uint32_t>(b));
}
inline int32_t wrap_sub(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) - static_cast<uint32_t>(b));
}
inline int32_t mul(int32_t a, int32_t b) { return saturating_rounding_doubling_high_mul(a, b); }

/// Newton-Raphson for 1 / half_denominator in Q2.29, three steps from the classic
/// 48/17 - 32/17 * d start (d in [0.5, 1)).
int32_t reciprocal_of_half_denominator_q2(int32_t half_denominator) {
  const int32_t k48_over_17 = 1515870810;       /// round(48/17 * 2^29)
  const int32_t kNeg32_over_17 = -1010580540;   /// round(-32/17 * 2^29)
  const int32_t kOneQ2 = int32_t{1} << 29;
  int32_t x = wrap_add(k48_over_17, mul(half_denominator, kNeg32_over_17));
  for (int i = 0; i < 3; ++i) {
    const int32_t one_minus_dx = wrap_sub(kOneQ2, mul(half_denominator, x));
    /// Q2 * Q2 is Q4; bring it back to Q2 with a saturating left shift by 2.
    x = wrap_add(x, saturating_rounding_multiply_by_pot(mul(x, one_minus_dx), 2));
  }
  return x;
}
}  // namespace

int32_t saturating_rounding_multiply_by_pot(int32_t x, int32_t exponent) {
  if (exponent == 0) return x;
  if (exponent < 0) return rounding_divide_by_pot(x, -exponent);
  const int32_t threshold = static_cast<int32_t>((int64_t{1} << (31 - exponent)) - 1);
  if (x > threshold) return INT32_MAX;
  if (x < -threshold) return INT32_MIN;
  return static_cast<int32_t>(static_cast<uint32_t>(x) << exponent);
}

int32_t rounding_half_sum(int32_t a, int32_t b) {
  const int64_t sum = static_cast<int64_t>(a) + static_cast<int64_t>(b);
  const int64_t sign = sum >= 0 ? 1 : -1;
  return static_cast<int32_t>((sum + sign) / 2);
}

int32_t exp_on_interval_minus_quarter_to_zero(int32_t a) {
  const int32_t kExpMinusEighth = 1895147668;  /// round(exp(-1/8) * 2^31)
  const int32_t kOneThird = 715827883;         /// round(2^31 / 3)
  /// Taylor expansion around -1/8: x = a + 1/8, exp(a) = e^-1/8 (1 + x + x^2/2 + x^3/6 + x^4/24).
  const int32_t x = wrap_add(a, int32_t{1} << 28);
  const int32_t x2 = mul(x, x);
  const int32_t x3 = mul(x2, x);
  const int32_t x4 = mul(x2, x2);
  const int32_t x4_over_4 = rounding_divide_by_pot(x4, 2);
  const int32_t tail = rounding_divide_by_pot(wrap_add(mul(wrap_add(x4_over_4, x3), kOneThird), x2), 1);
  return wrap_add(kExpMinusEighth, mul(kExpMinusEighth, wrap_add(x, tail)));
}

int32_t exp_on_negative_values(int32_t a, int32_t integer_bits) {
  /// exp(-2^k) in Q0.31 for k = -2..4: round(exp(-2^k) * 2^31).
  static const int32_t kExpMinusPow2[7] = {1672461947, 1302514674, 790015084, 290630308,
                                           39332535,   720401,     242};
  const int32_t frac_bits = 31 - integer_bits;
  const int32_t one_quarter = int32_t{1} << (frac_bits - 2);
  /// Split a = r + q with r in [-1/4, 0) and q a non-positive multiple of 1/4.
  const int32_t r = wrap_sub(a & (one_quarter - 1), one_quarter);
  int32_t result = exp_on_interval_minus_quarter_to_zero(saturating_rounding_multiply_by_pot(r, integer_bits));
  const int32_t remainder = wrap_sub(r, a);  /// -q, a sum of powers of two 2^k
  for (int32_t k = -2; k <= 4; ++k) {
    if (integer_bits > k && (remainder & (int32_t{1} << (frac_bits + k))) != 0) {
      result = mul(result, kExpMinusPow2[k + 2]);
    }
  }
  if (integer_bits > 5) {  /// below -32 exp underflows Q0.31
    const int32_t clamp = -(int32_t{1} << (36 - integer_bits));
    if (a < clamp) result = 0;
  }
  return a == 0 ? INT32_MAX : result;
}

int32_t one_over_one_plus_x_for_x_in_0_1(int32_t a) {
  const int32_t x = reciprocal_of_half_denominator_q2(rounding_half_sum(a, INT32_MAX));
  /// 1/(1+a) = (1/half_denominator) / 2: Q2 raw read as Q1, rescaled to Q0.
  return saturating_rounding_multiply_by_pot(x, 1);
}

int32_t one_minus_x_over_one_plus_x_for_x_in_0_1(int32_t a) {
  const int32_t x = reciprocal_of_half_denominator_q2(rounding_half_sum(a, INT32_MAX));
  /// (1-a)/(1+a) = 2/(1+a) - 1.
  return saturating_rounding_multiply_by_pot(wrap_sub(x, int32_t{1} << 29), 2);
}

int32_t fixed_logistic(int32_t a, int32_t integer_bits) {
  if (a == 0) return int32_t{1} << 30;
  const int32_t neg_abs = a > 0 ? wrap_sub(0, a) : a;
  const int32_t positive = one_over_one_plus_x_for_x_in_0_1(exp_on_negative_values(neg_abs, integer_bits));
  return a > 0 ? positive : wrap_sub(INT32_MAX, positive);
}

int32_t fixed_tanh(int32_t a, int32_t integer_bits) {
  if (a == 0) return 0;
  const int32_t neg_abs = a < 0 ? a : wrap_sub(0, a);
  /// tanh|a| = (1 - e^-2|a|) / (1 + e^-2|a|); doubling = same raw with one more integer bit.
  const int32_t t = one_minus_x_over_one_plus_x_for_x_in_0_1(exp_on_negative_values(neg_abs, integer_bits + 1));
  return a < 0 ? wrap_sub(0, t) : t;
}

int32_t get_reciprocal(int32_t x, int32_t x_integer_digits, int32_t* num_bits_over_unit) {
  const uint32_t ux = static_cast<uint32_t>(x);
  const int32_t headroom_plus_one = ux == 0 ? 31 : static_cast<int32_t>(__builtin_clz(ux));
  *num_bits_over_unit = x_integer_digits - headroom_plus_one;
  /// x normalised to [1, 2) as Q1.31 minus one: the fraction in [0, 1).
  const int32_t shifted_minus_one = static_cast<int32_t>((ux << headroom_plus_one) - (uint32_t{1} << 31));
  return one_over_one_plus_x_for_x_in_0_1(shifted_minus_one);
}

}  // namespace tinyrt
