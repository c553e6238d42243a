// Quantisation helpers against values derived by hand from TFLite's quantisation
// spec (multiplier = round(frexp mantissa * 2^31), gemmlowp's SRDHM and rounding shift).
#include "kernels/quantization.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>

namespace tinyrt {
namespace {

TEST(QuantizeMultiplier, ExactPowersOfTwo) {
  // 0.5 = 0.5 * 2^0 -> mantissa 0.5 -> 2^30, shift 0.
  EXPECT_EQ(quantize_multiplier(0.5).multiplier, 1 << 30);
  EXPECT_EQ(quantize_multiplier(0.5).shift, 0);
  // 1.0 = 0.5 * 2^1.
  EXPECT_EQ(quantize_multiplier(1.0).multiplier, 1 << 30);
  EXPECT_EQ(quantize_multiplier(1.0).shift, 1);
  // 0.25 = 0.5 * 2^-1.
  EXPECT_EQ(quantize_multiplier(0.25).shift, -1);
  // 0.75 = 0.75 * 2^0 -> 0.75 * 2^31 = 1610612736.
  EXPECT_EQ(quantize_multiplier(0.75).multiplier, 1610612736);
  EXPECT_EQ(quantize_multiplier(0.75).shift, 0);
}

TEST(QuantizeMultiplier, ZeroAndVerySmall) {
  EXPECT_EQ(quantize_multiplier(0.0).multiplier, 0);
  EXPECT_EQ(quantize_multiplier(0.0).shift, 0);
  // 1e-10 = 0.859 * 2^-33: shift below -31 flushes to zero.
  EXPECT_EQ(quantize_multiplier(1e-10).multiplier, 0);
  EXPECT_EQ(quantize_multiplier(1e-10).shift, 0);
  // 0.75 * 2^-31 keeps shift -31 exactly.
  EXPECT_EQ(quantize_multiplier(std::ldexp(0.75, -31)).multiplier, 1610612736);
  EXPECT_EQ(quantize_multiplier(std::ldexp(0.75, -31)).shift, -31);
}

TEST(QuantizeMultiplier, MantissaRoundingUpRenormalises) {
  // 1 - 2^-40: mantissa rounds to 2^31, halved to 2^30 with shift 0 + 1.
  const QuantizedMultiplier q = quantize_multiplier(1.0 - std::ldexp(1.0, -40));
  EXPECT_EQ(q.multiplier, 1 << 30);
  EXPECT_EQ(q.shift, 1);
}

TEST(QuantizeMultiplier, LargeSaturates) {
  const QuantizedMultiplier q = quantize_multiplier(std::ldexp(1.0, 40));
  EXPECT_EQ(q.multiplier, INT32_MAX);
  EXPECT_EQ(q.shift, 30);
}

TEST(QuantizeMultiplier, RoundTripsWithinHalfUlpOfQ31) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> dist(-20.0, 4.0);
  for (int i = 0; i < 1000; ++i) {
    const double real = std::pow(2.0, dist(rng));
    const QuantizedMultiplier q = quantize_multiplier(real);
    const double back = std::ldexp(static_cast<double>(q.multiplier), q.shift - 31);
    EXPECT_NEAR(back / real, 1.0, std::ldexp(1.0, -30)) << real;
    EXPECT_GE(q.multiplier, 1 << 30);
  }
}

TEST(SaturatingRoundingDoublingHighMul, OverflowCase) {
  // INT32_MIN * INT32_MIN * 2 / 2^32 = 2^31: the only overflow, saturated.
  EXPECT_EQ(saturating_rounding_doubling_high_mul(INT32_MIN, INT32_MIN), INT32_MAX);
  // INT32_MIN * INT32_MAX: (-2^62 + 2^31 + 1 - 2^30) / 2^31 truncated = -(2^31 - 1).
  EXPECT_EQ(saturating_rounding_doubling_high_mul(INT32_MIN, INT32_MAX), -2147483647);
}

TEST(SaturatingRoundingDoublingHighMul, TiesRoundUpForPositiveTowardZeroForNegative) {
  // 1 * 2^30 * 2 / 2^32 = 0.5 -> (2^30 + 2^30) / 2^31 = 1.
  EXPECT_EQ(saturating_rounding_doubling_high_mul(1, 1 << 30), 1);
  // -0.5: nudge 1 - 2^30, (-2^31 + 1) / 2^31 truncates to 0.
  EXPECT_EQ(saturating_rounding_doubling_high_mul(-1, 1 << 30), 0);
  // -1.5 -> (-3*2^30 + 1 - 2^30) / 2^31 = -1.99.. -> -1.
  EXPECT_EQ(saturating_rounding_doubling_high_mul(-3, 1 << 30), -1);
  // 2^30 * 2^30 * 2 / 2^32 = 2^29 exactly.
  EXPECT_EQ(saturating_rounding_doubling_high_mul(1 << 30, 1 << 30), 1 << 29);
}

// The kernel's one-shift form against gemmlowp's definition written out literally:
// nudge 2^30 (1 - 2^30 for a negative product), then divide by 2^31 toward zero.
TEST(SaturatingRoundingDoublingHighMul, MatchesNudgeAndTruncatingDivision) {
  const auto literal = [](int32_t a, int32_t b) {
    if (a == INT32_MIN && b == INT32_MIN) return INT32_MAX;
    const int64_t ab = static_cast<int64_t>(a) * b;
    const int64_t nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));
    return static_cast<int32_t>((ab + nudge) / (int64_t{1} << 31));
  };
  std::mt19937 rng(1);
  std::uniform_int_distribution<int32_t> any(INT32_MIN, INT32_MAX);
  const int32_t edges[] = {INT32_MIN, INT32_MIN + 1, -(1 << 30), -3, -2, -1, 0, 1, 2, 3, 1 << 30, INT32_MAX};
  for (int32_t a : edges)
    for (int32_t b : edges) EXPECT_EQ(saturating_rounding_doubling_high_mul(a, b), literal(a, b)) << a << " " << b;
  for (int i = 0; i < 200000; ++i) {
    const int32_t a = any(rng), b = i % 2 ? any(rng) : (any(rng) >> 16);
    ASSERT_EQ(saturating_rounding_doubling_high_mul(a, b), literal(a, b)) << a << " " << b;
  }
}

TEST(RoundingDivideByPot, HalvesAwayFromZero) {
  EXPECT_EQ(rounding_divide_by_pot(5, 1), 3);    // 2.5 -> 3
  EXPECT_EQ(rounding_divide_by_pot(-5, 1), -3);  // -2.5 -> -3
  EXPECT_EQ(rounding_divide_by_pot(-3, 1), -2);  // -1.5 -> -2
  EXPECT_EQ(rounding_divide_by_pot(-1, 1), -1);  // -0.5 -> -1
  EXPECT_EQ(rounding_divide_by_pot(-6, 2), -2);  // -1.5 -> -2
  EXPECT_EQ(rounding_divide_by_pot(-5, 2), -1);  // -1.25 -> -1
  EXPECT_EQ(rounding_divide_by_pot(7, 0), 7);
  EXPECT_EQ(rounding_divide_by_pot(INT32_MIN, 31), -1);
  EXPECT_EQ(rounding_divide_by_pot(INT32_MAX, 31), 1);  // 0.99.. -> 1
}

TEST(MultiplyByQuantizedMultiplier, DoubleRoundingLikeTflite) {
  // x * 0.5 with {2^30, 0}: 100 -> 50.
  EXPECT_EQ(multiply_by_quantized_multiplier(100, 1 << 30, 0), 50);
  // -3 * 0.5 = -1.5: the high multiply rounds the negative tie toward zero -> -1.
  EXPECT_EQ(multiply_by_quantized_multiplier(-3, 1 << 30, 0), -1);
  // -3 * 1.0 via left shift 1: -6 * 0.5 = -3 exactly.
  EXPECT_EQ(multiply_by_quantized_multiplier(-3, 1 << 30, 1), -3);
  // 41 * 0.25 = 10.25, but 41*0.5 = 20.5 -> 21, then 21/2 = 10.5 -> 11 (two roundings).
  EXPECT_EQ(multiply_by_quantized_multiplier(41, 1 << 30, -1), 11);
}

TEST(MultiplyByQuantizedMultiplier, WithinOneOfExactOnRandomValues) {
  std::mt19937 rng(11);
  std::uniform_int_distribution<int32_t> xs(-(1 << 20), 1 << 20);
  std::uniform_real_distribution<double> scales(-14.0, 0.0);
  for (int i = 0; i < 5000; ++i) {
    const double real = std::pow(2.0, scales(rng));
    const QuantizedMultiplier q = quantize_multiplier(real);
    const int32_t x = xs(rng);
    const double exact = static_cast<double>(x) * std::ldexp(static_cast<double>(q.multiplier), q.shift - 31);
    EXPECT_LE(std::fabs(multiply_by_quantized_multiplier(x, q.multiplier, q.shift) - exact), 1.0);
  }
}

TEST(RoundToInt32, HalfAwayFromZeroLikeStdRound) {
  EXPECT_EQ(round_to_int32(2.5f), 3);
  EXPECT_EQ(round_to_int32(-2.5f), -3);
  EXPECT_EQ(round_to_int32(0.49999997f), 0);  // x + 0.5 would round to 1.0f
  EXPECT_EQ(round_to_int32(-0.49999997f), 0);
  EXPECT_EQ(round_to_int32(1e20f), INT32_MAX);
  EXPECT_EQ(round_to_int32(-1e20f), INT32_MIN);
  std::mt19937 rng(3);
  std::uniform_real_distribution<float> d(-1e6f, 1e6f);
  for (int i = 0; i < 10000; ++i) {
    const float v = d(rng);
    EXPECT_EQ(round_to_int32(v), static_cast<int32_t>(std::round(v))) << v;
  }
}

TEST(ActivationRange, Int8) {
  int32_t lo = 0, hi = 0;
  // scale 0.5, zp -10: relu -> [zp, 127]; relu6 -> [-10, -10 + 6/0.5 = 2].
  ASSERT_EQ(activation_range_s8(FusedActivation::kRelu, {0.5f, -10}, &lo, &hi), KernelStatus::kOk);
  EXPECT_EQ(lo, -10);
  EXPECT_EQ(hi, 127);
  ASSERT_EQ(activation_range_s8(FusedActivation::kRelu6, {0.5f, -10}, &lo, &hi), KernelStatus::kOk);
  EXPECT_EQ(lo, -10);
  EXPECT_EQ(hi, 2);
  // relu_n1_to_1 with scale 0.25, zp 0: [-4, 4].
  ASSERT_EQ(activation_range_s8(FusedActivation::kReluN1To1, {0.25f, 0}, &lo, &hi), KernelStatus::kOk);
  EXPECT_EQ(lo, -4);
  EXPECT_EQ(hi, 4);
  // relu6 with a tiny scale clamps to 127; none is the full range.
  ASSERT_EQ(activation_range_s8(FusedActivation::kRelu6, {0.01f, -128}, &lo, &hi), KernelStatus::kOk);
  EXPECT_EQ(lo, -128);
  EXPECT_EQ(hi, 127);
  EXPECT_EQ(activation_range_s8(FusedActivation::kNone, {0.0f, 0}, &lo, &hi), KernelStatus::kBadQuantization);
}

TEST(CalculateInputRadius, MatchesFormula) {
  // (2^4 - 1) * 2^27 / 2^s, floored; s = 20 -> 15 * 128 = 1920.
  EXPECT_EQ(calculate_input_radius(4, 20), 1920);
  // 5 integer bits, shift 23: 31 * 2^26 / 2^23 = 248.
  EXPECT_EQ(calculate_input_radius(5, 23), 248);
}

}  // namespace
}  // namespace tinyrt
