// The Q15 sine table and interpolated sin/cos, integer sqrt and fixed-point
// log2/ln against double references, with the error bounds the headers state.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "dsp/fixed_math.h"
#include "dsp/trig_q15.h"
#include "dsp_reference.h"

namespace {

TEST(TrigQ15, TwiddleTableIsRoundedSine) {
  for (uint32_t j = 0; j < 1024; ++j) {
    const double s = std::sin(2.0 * M_PI * j / 1024.0), c = std::cos(2.0 * M_PI * j / 1024.0);
    // +-1.0 saturate symmetrically to +-32767.
    const double rs = std::clamp(std::round(32768.0 * s), -32767.0, 32767.0);
    const double rc = std::clamp(std::round(32768.0 * c), -32767.0, 32767.0);
    EXPECT_EQ(tinyrt::sin_turn1024(j), rs) << j;
    EXPECT_EQ(tinyrt::cos_turn1024(j), rc) << j;
  }
}

TEST(TrigQ15, InterpolatedSinCosWithinOnePointOhFiveLsb) {
  dsp_test::Rng rng(11);
  double worst = 0;
  for (int i = 0; i < 200000; ++i) {
    const uint32_t phase = static_cast<uint32_t>(rng.engine());
    const double a = 2.0 * M_PI * phase / 4294967296.0;
    worst = std::max(worst, std::fabs(tinyrt::sin_q15(phase) - 32768.0 * std::sin(a)));
    worst = std::max(worst, std::fabs(tinyrt::cos_q15(phase) - 32768.0 * std::cos(a)));
  }
  std::printf("sin/cos Q15 worst error %.3f LSB\n", worst);
  EXPECT_LE(worst, 1.05);  // measured 1.013 next to +-1.0, which saturates
  EXPECT_EQ(tinyrt::phase_of(1, 4), 0x40000000u);
  EXPECT_EQ(tinyrt::phase_of(5, 4), 0x40000000u);
}

TEST(TrigQ30, TaylorSinCosWithin2PowMinus28) {
  dsp_test::Rng rng(12);
  double worst = 0;
  for (int i = 0; i < 100000; ++i) {
    const uint32_t phase = i < 4 ? static_cast<uint32_t>(i) << 30 : static_cast<uint32_t>(rng.engine());
    const long double a = 2.0L * M_PIl * phase / 4294967296.0L;
    worst = std::max(worst, static_cast<double>(std::fabs(tinyrt::sin_q30(phase) / 1073741824.0L - std::sin(a))));
    worst = std::max(worst, static_cast<double>(std::fabs(tinyrt::cos_q30(phase) / 1073741824.0L - std::cos(a))));
  }
  std::printf("sin/cos Q30 worst error %.3g\n", worst);
  EXPECT_LT(worst, std::ldexp(1.0, -28));
}

TEST(FixedMath, IntegerSqrtIsExactFloor) {
  const uint64_t edges[] = {0, 1, 2, 3, 4, 15, 16, 17, 0xFFFFFFFFull, 0xFFFFFFFE00000001ull,
                            0xFFFFFFFE00000000ull, UINT64_MAX};
  for (uint64_t x : edges) {
    const unsigned __int128 r = tinyrt::isqrt64(x);
    EXPECT_LE(r * r, x);
    EXPECT_GT((r + 1) * (r + 1), x);
  }
  dsp_test::Rng rng(3);
  for (int i = 0; i < 100000; ++i) {
    const uint64_t x = (static_cast<uint64_t>(rng.engine()) << 32 | rng.engine()) >> rng.between(0, 63);
    const unsigned __int128 r = tinyrt::isqrt64(x);
    ASSERT_LE(r * r, x);
    ASSERT_GT((r + 1) * (r + 1), x);
  }
}

TEST(FixedMath, Log2AndLnMeetTheirBounds) {
  EXPECT_EQ(tinyrt::log2_fixed(0, 16), INT32_MIN);
  EXPECT_EQ(tinyrt::log2_fixed(1, 16), 0);
  EXPECT_EQ(tinyrt::log2_fixed(1024, 24), 10 << 24);
  EXPECT_EQ(tinyrt::log2_fixed(UINT64_MAX, 16), 64 << 16);  // 63.99999999999999992 rounds up
  dsp_test::Rng rng(5);
  double worst24 = 0, worst16 = 0, worst_ln = 0;
  for (int i = 0; i < 100000; ++i) {
    const uint64_t x = ((static_cast<uint64_t>(rng.engine()) << 32 | rng.engine()) >> rng.between(0, 63)) | 1u;
    const long double l2 = std::log2(static_cast<long double>(x));
    worst24 = std::max(worst24, static_cast<double>(std::fabs(tinyrt::log2_fixed(x, 24) / 16777216.0L - l2)));
    worst16 = std::max(worst16, static_cast<double>(std::fabs(tinyrt::log2_fixed(x, 16) / 65536.0L - l2)));
    const long double ln = std::log(static_cast<long double>(x));
    worst_ln = std::max(worst_ln, static_cast<double>(std::fabs(tinyrt::ln_q16(x) / 65536.0L - ln)));
  }
  std::printf("log2 Q24 worst %.3g, log2 Q16 worst %.3g, ln Q16 worst %.3g\n", worst24, worst16, worst_ln);
  EXPECT_LE(worst24, std::ldexp(1.0, -25) + std::ldexp(1.0, -29));
  EXPECT_LE(worst16, std::ldexp(1.0, -17) + std::ldexp(1.0, -29));
  EXPECT_LE(worst_ln, std::ldexp(1.0, -16));
}

}  // namespace
