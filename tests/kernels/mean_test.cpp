// MEAN over height and width: a hand-derived vector and a float reference.
#include "kernels/mean.h"

#include <gtest/gtest.h>

#include <vector>

#include "kernel_test_util.h"

namespace tinyrt {
namespace {

const int32_t kHw[2] = {1, 2};

// Input 1x2x2x2, zp 1, scale 0.5; output scale 0.25, zp -2: multiplier 2 -> {2^30, 2}.
//  ch0 [3 5 8 2] - 1 = 2+4+7+1 = 14 -> *2 = 28 -> 28/4 = 7 -> 5   (real 1.75 / 0.25 = 7).
//  ch1 [-1 0 0 0] - 1 = -5 -> -10 -> -2.5 -> -3 (away from zero) -> -5.
TEST(Mean, HandVector) {
  MeanParams p{};
  ASSERT_EQ(mean_s8_prepare({1, 2, 2, 2}, {0.5f, 1}, kHw, 2, 2, {0.25f, -2}, &p), KernelStatus::kOk);
  EXPECT_EQ(p.multiplier, 1 << 30);
  EXPECT_EQ(p.shift, 2);
  const std::vector<int8_t> in{3, -1, 5, 0, 8, 0, 2, 0};
  std::vector<int8_t> out(2);
  mean_s8(p, in.data(), out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{5, -5}));
}

TEST(Mean, OtherAxesUnsupported) {
  MeanParams p{};
  const int32_t channels[1] = {3};
  EXPECT_EQ(mean_s8_prepare({1, 2, 2, 2}, {0.5f, 1}, channels, 1, 4, {0.25f, -2}, &p), KernelStatus::kUnsupported);
  EXPECT_EQ(mean_s8_prepare({1, 2, 2, 2}, {0.5f, 1}, kHw, 2, 3, {0.25f, -2}, &p), KernelStatus::kBadShape);
}

TEST(Mean, FloatReferenceWithinOneLsb) {
  std::mt19937 rng(12);
  for (int iter = 0; iter < 40; ++iter) {
    const Shape4D in{test::uniform_int(rng, 1, 2), test::uniform_int(rng, 1, 10), test::uniform_int(rng, 1, 10),
                     test::uniform_int(rng, 1, 16)};
    const QuantParams iq{test::uniform_float(rng, 0.01f, 0.1f), test::uniform_int(rng, -128, 127)};
    const QuantParams oq{test::uniform_float(rng, 0.005f, 0.1f), test::uniform_int(rng, -20, 20)};
    MeanParams p{};
    ASSERT_EQ(mean_s8_prepare(in, iq, kHw, 2, in.batch * in.channels, oq, &p), KernelStatus::kOk);
    const auto input = test::random_s8(rng, element_count(in));
    std::vector<int8_t> got(in.batch * in.channels);
    mean_s8(p, input.data(), got.data());
    std::vector<int32_t> want(got.size());
    const int32_t count = in.height * in.width;
    for (int32_t b = 0; b < in.batch; ++b)
      for (int32_t c = 0; c < in.channels; ++c) {
        double sum = 0;
        for (int32_t i = 0; i < count; ++i)
          sum += static_cast<double>(iq.scale) * (input[(b * count + i) * in.channels + c] - iq.zero_point);
        want[b * in.channels + c] = test::quantize_real(sum / count, oq.scale, oq.zero_point);
      }
    EXPECT_LE(test::max_abs_diff(got, want), 1) << "iteration " << iter;
  }
}

}  // namespace
}  // namespace tinyrt
