// Windowed statistics: a hand-checked window, then seeded random windows
// against exact integer references (128-bit where needed).
#include <gtest/gtest.h>

#include <vector>

#include "dsp/window_stats.h"
#include "dsp_reference.h"

namespace {

TEST(WindowStats, HandCheckedTwoChannelWindow) {
  // Channel 0: 3, -1, -4, 2, 0 ; channel 1: 100, 100, 101, 99, 100 (interleaved).
  const int16_t x[10] = {3, 100, -1, 100, -4, 101, 2, 99, 0, 100};
  tinyrt::ChannelStats s[2];
  ASSERT_EQ(tinyrt::window_stats(x, 5, 2, s), tinyrt::DspStatus::kOk);
  EXPECT_EQ(s[0].mean_q8, 0);             // sum 0
  EXPECT_EQ(s[0].rms_q8, 627u);           // sqrt(30 / 5) * 256 = 627.07
  EXPECT_EQ(s[0].min, -4);
  EXPECT_EQ(s[0].max, 3);
  EXPECT_EQ(s[0].peak_to_peak, 7);
  EXPECT_EQ(s[0].zero_crossings, 2u);     // 3|-1, -4|2 ; 2 -> 0 stays non-negative
  EXPECT_EQ(s[0].mean_crossings, 2u);
  EXPECT_EQ(s[1].mean_q8, 25600);         // mean 100
  EXPECT_EQ(s[1].rms_q8, 25601u);         // sqrt(50002 / 5) * 256 = 25600.512
  EXPECT_EQ(s[1].peak_to_peak, 2);
  EXPECT_EQ(s[1].zero_crossings, 0u);
  EXPECT_EQ(s[1].mean_crossings, 2u);     // 100,100 >= mean; 99 below; 100 above
}

TEST(WindowStats, RandomWindowsMatchExactReferences) {
  dsp_test::Rng rng(2026);
  for (int trial = 0; trial < 300; ++trial) {
    const uint32_t channels = static_cast<uint32_t>(rng.between(1, 6));
    const uint32_t frames = static_cast<uint32_t>(trial == 0 ? 65535 : rng.between(1, 2000));
    const int32_t bias = rng.between(-3000, 3000);
    std::vector<int16_t> x(frames * channels);
    for (int16_t& v : x) {
      v = trial < 3 ? static_cast<int16_t>(trial == 1 ? -32768 : 32767)
                    : static_cast<int16_t>(std::max(-32768, std::min(32767, bias + rng.between(-20000, 20000))));
    }
    std::vector<tinyrt::ChannelStats> s(channels);
    ASSERT_EQ(tinyrt::window_stats(x.data(), frames, channels, s.data()), tinyrt::DspStatus::kOk);
    for (uint32_t c = 0; c < channels; ++c) {
      __int128 sum = 0, sq = 0;
      int lo = 40000, hi = -40000, zc = 0, mc = 0;
      for (uint32_t f = 0; f < frames; ++f) {
        const int v = x[f * channels + c];
        sum += v;
        sq += static_cast<__int128>(v) * v;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        if (f > 0) zc += (x[(f - 1) * channels + c] < 0) != (v < 0);
      }
      for (uint32_t f = 1; f < frames; ++f) {
        mc += (static_cast<__int128>(x[(f - 1) * channels + c]) * frames >= sum) !=
              (static_cast<__int128>(x[f * channels + c]) * frames >= sum);
      }
      const __int128 n = frames;
      // mean_q8 = m with |sum*256 - m*n| <= n/2, ties away from zero.
      const __int128 m = s[c].mean_q8;
      const __int128 d = sum * 256 - m * n;
      ASSERT_TRUE(2 * d <= n && 2 * d >= -n) << trial;
      ASSERT_TRUE(2 * d != n || sum < 0) << trial;   // a tie went toward zero
      ASSERT_TRUE(2 * d != -n || sum > 0) << trial;
      // rms_q8 = r with (2r - 1)^2 n <= 4 sq 2^16 < (2r + 1)^2 n.
      const __int128 r = s[c].rms_q8;
      const __int128 t4 = 4 * sq * 65536;
      ASSERT_TRUE(r == 0 || (2 * r - 1) * (2 * r - 1) * n <= t4) << trial;
      ASSERT_TRUE(t4 < (2 * r + 1) * (2 * r + 1) * n) << trial;
      EXPECT_EQ(s[c].min, lo);
      EXPECT_EQ(s[c].max, hi);
      EXPECT_EQ(s[c].peak_to_peak, hi - lo);
      EXPECT_EQ(s[c].zero_crossings, zc);
      EXPECT_EQ(s[c].mean_crossings, mc);
    }
  }
  tinyrt::ChannelStats one;
  const int16_t x = 0;
  EXPECT_EQ(tinyrt::window_stats(&x, 0, 1, &one), tinyrt::DspStatus::kBadSize);
  EXPECT_EQ(tinyrt::window_stats(&x, 1, 0, &one), tinyrt::DspStatus::kBadSize);
}

}  // namespace
