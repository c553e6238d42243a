// Fixed-point exp / logistic / tanh / reciprocal against libm, and the Q0.31
// constants against their defining formulas.
#include "kernels/fixed_point.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

namespace tinyrt {
namespace {

double q(int32_t raw, int integer_bits) { return std::ldexp(static_cast<double>(raw), integer_bits - 31); }
int32_t to_raw(double v, int integer_bits) {
  return static_cast<int32_t>(std::llround(std::ldexp(v, 31 - integer_bits)));
}

TEST(FixedPoint, SpecialValues) {
  EXPECT_EQ(exp_on_negative_values(0, 5), INT32_MAX);  // exp(0) = One() in Q0.31
  EXPECT_EQ(fixed_logistic(0, 4), 1 << 30);            // 1/2
  EXPECT_EQ(fixed_tanh(0, 4), 0);
  EXPECT_EQ(saturating_rounding_multiply_by_pot(1 << 29, 2), INT32_MAX);  // 2^31 saturates
  EXPECT_EQ(saturating_rounding_multiply_by_pot(-(1 << 29), 2), INT32_MIN);
  EXPECT_EQ(saturating_rounding_multiply_by_pot(3, -1), 2);  // 1.5 -> 2
  EXPECT_EQ(rounding_half_sum(INT32_MAX, INT32_MAX), INT32_MAX);
  EXPECT_EQ(rounding_half_sum(-3, 0), -2);  // -1.5 -> -2
}

// The 4th-order Taylor polynomial around -1/8 leaves e^-1/8 * (1/8)^5 / 120 = 2.2e-7
// at the ends of [-1/4, 0); Q0.31 rounding adds a few 2^-31.
TEST(FixedPoint, ExpOnIntervalIsAccurate) {
  for (double a = -0.25; a < 0.0; a += 1.0 / 1024) {
    EXPECT_NEAR(q(exp_on_interval_minus_quarter_to_zero(to_raw(a, 0)), 0), std::exp(a), 2.4e-7) << a;
  }
}

TEST(FixedPoint, ExpOnNegativeValuesIsAccurate) {
  for (int bits : {4, 5}) {
    const double lo = -std::ldexp(1.0, bits) + 1e-3;
    for (double a = lo; a <= 0.0; a += 0.0371) {
      EXPECT_NEAR(q(exp_on_negative_values(to_raw(a, bits), bits), 0), std::exp(a), 2.4e-7) << a << " bits " << bits;
    }
  }
}

TEST(FixedPoint, LogisticAndTanhAreAccurate) {
  for (double a = -15.9; a < 15.9; a += 0.0173) {
    EXPECT_NEAR(q(fixed_logistic(to_raw(a, 4), 4), 0), 1.0 / (1.0 + std::exp(-a)), 1e-7) << a;
    EXPECT_NEAR(q(fixed_tanh(to_raw(a, 4), 4), 0), std::tanh(a), 2e-7) << a;
  }
}

TEST(FixedPoint, ReciprocalIsAccurate) {
  // Sums of exp in Q12.19 as SOFTMAX builds them: 1 .. 4000.
  for (double x = 1.0; x < 4000.0; x *= 1.0371) {
    int32_t bits_over_unit = 0;
    const int32_t raw = to_raw(x, 12);  // x on the Q12.19 grid
    const int32_t r = get_reciprocal(raw, 12, &bits_over_unit);
    const double exact = 1.0 / q(raw, 12);
    EXPECT_NEAR(q(r, 0) * std::ldexp(1.0, -bits_over_unit) / exact, 1.0, 1e-8) << x;
  }
}

TEST(FixedPoint, OneMinusXOverOnePlusX) {
  for (double a = 0.0; a < 1.0; a += 1.0 / 512) {
    EXPECT_NEAR(q(one_minus_x_over_one_plus_x_for_x_in_0_1(to_raw(a, 0)), 0), (1 - a) / (1 + a), 1e-8) << a;
    EXPECT_NEAR(q(one_over_one_plus_x_for_x_in_0_1(to_raw(a, 0)), 0), 1 / (1 + a), 1e-8) << a;
  }
}

}  // namespace
}  // namespace tinyrt
