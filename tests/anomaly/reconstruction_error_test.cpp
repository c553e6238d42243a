// The fixed-point reconstruction error against values worked out by hand, and its
// 95-bit rescale against 128-bit arithmetic.
#include <gtest/gtest.h>

#include <random>

#include "anomaly/reconstruction_error.h"

namespace tinyrt {
namespace {

TEST(ReconstructionError, EqualScalesGiveTheExactMeanSquaredError) {
  // x = 0.5 * (q - 2), y = 0.5 * (p - 2): real x = (1, 0, -3, 4), y = (1, 1, -1, 7);
  // squared differences 0, 1, 4, 9: mean 3.5 = 229376 / 65536.
  ReconstructionError e;
  ASSERT_TRUE(e.prepare({0.5f, 2}, {0.5f, 2}, 4));
  const int8_t x[] = {4, 2, -4, 10};
  const int8_t y[] = {4, 4, 0, 16};
  EXPECT_EQ(e.score(x, y), 229376u);
}

TEST(ReconstructionError, DifferentScalesAndZeroPoints) {
  // x = 0.5 * (q - 0) = (1, 0, -2, 5); y = 0.25 * (p + 10) = (1, 0.5, -1, 6):
  // squared differences 0, 0.25, 1, 1: mean 0.5625 = 36864 / 65536.
  ReconstructionError e;
  ASSERT_TRUE(e.prepare({0.5f, 0}, {0.25f, -10}, 4));
  const int8_t x[] = {2, 0, -4, 10};
  const int8_t y[] = {-6, -8, -14, 14};
  EXPECT_EQ(e.score(x, y), 36864u);
}

TEST(ReconstructionError, IdenticalTensorsScoreZero) {
  ReconstructionError e;
  ASSERT_TRUE(e.prepare({0.0371f, -17}, {0.0371f, -17}, 112));
  std::vector<int8_t> x(112);
  for (size_t i = 0; i < x.size(); ++i) x[i] = static_cast<int8_t>(int(i * 37 % 256) - 128);
  EXPECT_EQ(e.score(x.data(), x.data()), 0u);
}

TEST(ReconstructionError, FollowsTheRealErrorWithinItsRounding) {
  // Unrelated scales: the fixed-point score is the real one to within a count or two of
  // its Q16.16 and of the 2^-8-quantum rounding of s_y / s_x.
  ReconstructionError e;
  const QuantParams in{0.0713f, 11}, out{0.0491f, -3};
  ASSERT_TRUE(e.prepare(in, out, 112));
  std::mt19937 rng(7);
  std::vector<int8_t> x(112), y(112);
  for (int trial = 0; trial < 20; ++trial) {
    double sum = 0;
    for (size_t i = 0; i < x.size(); ++i) {
      x[i] = static_cast<int8_t>(int(rng() % 256) - 128);
      y[i] = static_cast<int8_t>(int(rng() % 256) - 128);
      const double d = double(out.scale) * double(y[i] - out.zero_point) - double(in.scale) * double(x[i] - in.zero_point);
      sum += d * d;
    }
    const double real = sum / 112 * 65536;
    EXPECT_NEAR(e.score(x.data(), y.data()), real, real * 1e-4 + 2) << trial;
  }
}

TEST(ReconstructionError, SaturatesInsteadOfWrapping) {
  // Every difference 255 quanta of 100: mean 650 250 000, far above Q16.16's range.
  ReconstructionError e;
  ASSERT_TRUE(e.prepare({100.0f, 0}, {100.0f, 0}, 3));
  const int8_t x[] = {-128, -128, -128};
  const int8_t y[] = {127, 127, 127};
  EXPECT_EQ(e.score(x, y), UINT32_MAX);
}

TEST(ReconstructionError, PrepareRejectsWhatItCannotScore) {
  ReconstructionError e;
  EXPECT_FALSE(e.prepare({0.0f, 0}, {0.1f, 0}, 4));
  EXPECT_FALSE(e.prepare({0.1f, 0}, {-0.1f, 0}, 4));
  EXPECT_FALSE(e.prepare({0.1f, 0}, {0.1f, 0}, 0));
  EXPECT_FALSE(e.prepare({0.1f, 0}, {0.1f, 0}, 65537));
  EXPECT_FALSE(e.prepare({0.125f, 0}, {16.25f, 0}, 4));  // output scale 130 x the input's
  EXPECT_TRUE(e.prepare({0.125f, 0}, {16.0f, 0}, 4));
}

TEST(ScaleU64, MatchesExact128BitArithmetic) {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 20000; ++i) {
    const uint64_t value = rng() >> (rng() % 64);
    const uint32_t multiplier = static_cast<uint32_t>(rng() % (uint64_t{1} << 31));
    const uint32_t shift = 1 + static_cast<uint32_t>(rng() % 127);
    const unsigned __int128 product = static_cast<unsigned __int128>(value) * multiplier;
    const unsigned __int128 rounded = (product + (static_cast<unsigned __int128>(1) << (shift - 1))) >> shift;
    const uint32_t expected = rounded > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(rounded);
    ASSERT_EQ(scale_u64(value, multiplier, shift), expected) << value << " * " << multiplier << " >> " << shift;
  }
  EXPECT_EQ(scale_u64(3, 1, 1), 2u);   // 1.5 rounds up
  EXPECT_EQ(scale_u64(5, 1, 2), 1u);   // 1.25 rounds down
  EXPECT_EQ(scale_u64(UINT64_MAX, 0x7FFFFFFF, 128), 0u);
}

}  // namespace
}  // namespace tinyrt
