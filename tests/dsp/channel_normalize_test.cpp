// Per-channel normalisation: every shift against a double reference (exact: the values
// are below 2^25 and divided by powers of two), saturation, and refused arguments.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "dsp/channel_normalize.h"

namespace {

TEST(ChannelNormalize, EveryShiftMatchesRoundHalfUpAndSaturates) {
  std::mt19937 rng(17);
  std::uniform_int_distribution<int> sample(-32768, 32767);
  for (uint8_t shift = 0; shift <= tinyrt::kMaxNormalizationShift; ++shift) {
    const tinyrt::ChannelNormalization n[2] = {{static_cast<int16_t>(sample(rng)), shift}, {-32768, shift}};
    std::vector<int16_t> x(2 * 200);
    for (int16_t& v : x) v = static_cast<int16_t>(sample(rng));
    std::vector<int32_t> out(x.size());
    ASSERT_EQ(tinyrt::normalize_channels(x.data(), 200, 2, n, out.data()), tinyrt::DspStatus::kOk);
    for (size_t i = 0; i < x.size(); ++i) {
      const double exact = (double(x[i]) - n[i % 2].offset) * 256.0 / std::ldexp(1.0, shift);
      const double expected = std::clamp(std::floor(exact + 0.5), -32768.0, 32767.0);
      ASSERT_EQ(out[i], static_cast<int32_t>(expected)) << "shift " << int(shift) << " x " << x[i];
    }
  }
}

TEST(ChannelNormalize, RefusesNoChannelsAndShiftsAbove15) {
  const int16_t x[2] = {1, 2};
  int32_t out[2];
  const tinyrt::ChannelNormalization ok[2] = {{0, 15}, {0, 0}};
  const tinyrt::ChannelNormalization bad[2] = {{0, 0}, {0, 16}};
  EXPECT_EQ(tinyrt::normalize_channels(x, 1, 0, ok, out), tinyrt::DspStatus::kBadSize);
  EXPECT_EQ(tinyrt::normalize_channels(x, 1, 2, bad, out), tinyrt::DspStatus::kBadArgument);
  EXPECT_EQ(tinyrt::normalize_channels(x, 1, 2, ok, out), tinyrt::DspStatus::kOk);
  EXPECT_EQ(out[0], 0);    // 256 / 32768 = 0.0078 -> 0
  EXPECT_EQ(out[1], 512);  // 2 in Q8
}

}  // namespace
