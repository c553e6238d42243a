#pragma once
/// Q-format transcendental helpers for the int8 SOFTMAX, LOGISTIC and TANH kernels,
/// following the integer algorithms TFLite's reference kernels use (gemmlowp's fixed
/// point: a Taylor polynomial for exp on [-1/4, 0), a barrel shifter of exp(-2^k)
/// factors, Newton-Raphson for 1/(1+x)). All raw values are int32 with `integer_bits`
/// integer bits (value = raw / 2^(31 - integer_bits)); results are Q0.31.
#include <stdint.h>

namespace tinyrt {

/// x * 2^exponent: exponent > 0 saturates to the int32 range, exponent < 0 rounds
/// half away from zero (gemmlowp's SaturatingRoundingMultiplyByPOT).
int32_t saturating_rounding_multiply_by_pot(int32_t x, int32_t exponent);

/// (a + b) / 2 rounded half away from zero, without overflow.
int32_t rounding_half_sum(int32_t a, int32_t b);

/// exp(a) for a in [-1/4, 0), a and result in Q0.31.
int32_t exp_on_interval_minus_quarter_to_zero(int32_t a);

/// exp(a) for a <= 0 with `integer_bits` integer bits (1..6); result in Q0.31,
/// exp(0) = INT32_MAX (gemmlowp's One() for Q0.31).
int32_t exp_on_negative_values(int32_t a, int32_t integer_bits);

/// 1 / (1 + a) for a in [0, 1) in Q0.31; result in Q0.31.
int32_t one_over_one_plus_x_for_x_in_0_1(int32_t a);

/// (1 - a) / (1 + a) for a in [0, 1) in Q0.31; result in Q0.31.
int32_t one_minus_x_over_one_plus_x_for_x_in_0_1(int32_t a);

/// 1 / (1 + exp(-a)) with `integer_bits` integer bits in a; result Q0.31.
int32_t fixed_logistic(int32_t a, int32_t integer_bits);

/// tanh(a) with `integer_bits` integer bits in a; result Q0.31.
int32_t fixed_tanh(int32_t a, int32_t integer_bits);

/// 1 / x for a positive x with x_integer_digits integer bits (TFLite's GetReciprocal,
/// used by SOFTMAX): 1/x = result (Q0.31, in (0.5, 1]) * 2^-(*num_bits_over_unit).
int32_t get_reciprocal(int32_t x, int32_t x_integer_digits, int32_t* num_bits_over_unit);

}  // namespace tinyrt
