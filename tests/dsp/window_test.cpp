// Hann and Hamming windows in Q15 against the double formulas.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "dsp/window.h"
#include "dsp_reference.h"

namespace {

double window_ref(tinyrt::WindowKind kind, uint32_t n, double den) {
  const double c = std::cos(2.0 * M_PI * n / den);
  return kind == tinyrt::WindowKind::kHann ? 0.5 - 0.5 * c : 0.54 - 0.46 * c;
}

TEST(Window, HannAndHammingWithinHalfAnLsb) {
  for (tinyrt::WindowKind kind : {tinyrt::WindowKind::kHann, tinyrt::WindowKind::kHamming}) {
    for (uint32_t length : {64u, 400u, 480u, 512u, 1024u}) {
      for (bool periodic : {true, false}) {
        std::vector<int16_t> w(length);
        ASSERT_EQ(tinyrt::window_init(kind, length, periodic, w.data()), tinyrt::DspStatus::kOk);
        const double den = periodic ? length : length - 1.0;
        for (uint32_t n = 0; n < length; ++n) {
          const double ref = std::min(32767.0, 32768.0 * window_ref(kind, n, den));
          ASSERT_LE(std::fabs(w[n] - ref), 0.51) << length << " " << n;
        }
      }
    }
  }
  std::vector<int16_t> w(8);
  tinyrt::window_init(tinyrt::WindowKind::kHann, 8, true, w.data());
  EXPECT_EQ(w[0], 0);
  EXPECT_EQ(w[4], 32767);  // the peak, 1.0 saturated
  EXPECT_EQ(w[2], 16384);  // 0.5 exactly
  int16_t one[1];
  EXPECT_EQ(tinyrt::window_init(tinyrt::WindowKind::kHann, 1, false, one), tinyrt::DspStatus::kBadSize);
}

TEST(Window, ApplyRoundsTheQ15Product) {
  const int16_t w[4] = {32767, 16384, 1, 0};
  const int16_t x[4] = {-32768, 3, 16384, 12345};
  int16_t y[4];
  tinyrt::window_apply(w, x, y, 4);
  EXPECT_EQ(y[0], -32767);  // -32768 * 32767 / 32768 = -32767.0
  EXPECT_EQ(y[1], 2);       // 1.5 rounds up
  EXPECT_EQ(y[2], 1);       // 0.5 rounds up
  EXPECT_EQ(y[3], 0);
}

}  // namespace
