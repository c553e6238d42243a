// SOFTMAX int8: vectors whose fixed-point path can be followed by hand, prepare
// parameters from TFLite's formulas, and a float reference within 1 LSB.
#include "kernels/softmax.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "kernel_test_util.h"

namespace tinyrt {
namespace {

const QuantParams kOut{1.0f / 256, -128};

TEST(Softmax, PrepareParameters) {
  // beta 1, input scale 0.1f = 13421773 * 2^-27 exactly: * 2^26 = 6710886.5 =
  // 0.80000001 * 2^23 -> shift 23, multiplier 6710886.5 * 2^8 = 1717986944 (exact);
  // diff_min = -floor(31 * 2^26 / 2^23) = -248.
  SoftmaxParams p{};
  ASSERT_EQ(softmax_s8_prepare(1.0f, {0.1f, 0}, kOut, 1, 4, &p), KernelStatus::kOk);
  EXPECT_EQ(p.input_left_shift, 23);
  EXPECT_EQ(p.input_multiplier, 1717986944);
  EXPECT_EQ(p.diff_min, -248);
  EXPECT_EQ(softmax_s8_prepare(1.0f, {0.1f, 0}, {1.0f / 256, 0}, 1, 4, &p), KernelStatus::kBadQuantization);
}

TEST(Softmax, HandVectors) {
  SoftmaxParams p{};
  ASSERT_EQ(softmax_s8_prepare(1.0f, {0.1f, 0}, kOut, 3, 4, &p), KernelStatus::kOk);
  // Row 0, four equal values: each exp(0) = One, sum 4 * 2^19 = 2^21 in Q12.19;
  //  reciprocal: headroom 10 -> 2 bits over unit, 1/(1+0) ~ 1 in Q0.31;
  //  out = 2^31 / 2^(2 + 23) = 64 -> 64 - 128 = -64 (exactly 0.25 * 256).
  // Row 1: [127, -128, ...]: the difference -255 < diff_min -248 gives exactly -128;
  //  the max gets 1.0 * 256 = 256 - 128 = 128 -> saturates to 127.
  // Row 2: three equal at the max and one far below: sum 3 * 2^19, headroom 11 ->
  //  1 bit over unit, 1/(1 + 0.5) = 0.6667 -> 0.6667 * 2^31 / 2^24 = 85.33 -> 85 - 128 = -43.
  const std::vector<int8_t> in{5, 5, 5, 5, 127, -128, -128, -128, 100, 100, -128, 100};
  std::vector<int8_t> out(12);
  softmax_s8(p, in.data(), out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{-64, -64, -64, -64, 127, -128, -128, -128, -43, -43, -128, -43}));
}

TEST(Softmax, FloatReferenceWithinOneLsb) {
  std::mt19937 rng(17);
  for (int iter = 0; iter < 60; ++iter) {
    const int32_t depth = test::uniform_int(rng, 1, 40);
    const QuantParams iq{test::uniform_float(rng, 0.01f, 0.3f), test::uniform_int(rng, -128, 127)};
    const float beta = iter % 3 == 0 ? 0.5f : 1.0f;
    SoftmaxParams p{};
    ASSERT_EQ(softmax_s8_prepare(beta, iq, kOut, 2, depth, &p), KernelStatus::kOk);
    const auto in = test::random_s8(rng, 2 * depth);
    std::vector<int8_t> got(in.size());
    softmax_s8(p, in.data(), got.data());
    std::vector<int32_t> want(in.size());
    const auto real = [&](int32_t i) { return static_cast<double>(iq.scale) * (in[i] - iq.zero_point); };
    for (int32_t r = 0; r < 2; ++r) {
      double mx = -1e9, sum = 0;
      for (int32_t c = 0; c < depth; ++c) mx = std::fmax(mx, real(r * depth + c));
      for (int32_t c = 0; c < depth; ++c) sum += std::exp(beta * (real(r * depth + c) - mx));
      for (int32_t c = 0; c < depth; ++c) {
        const double prob = std::exp(beta * (real(r * depth + c) - mx)) / sum;
        want[r * depth + c] = test::quantize_real(prob, 1.0 / 256, -128);
      }
    }
    EXPECT_LE(test::max_abs_diff(got, want), 1) << "iteration " << iter;
  }
}

}  // namespace
}  // namespace tinyrt
