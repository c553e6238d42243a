// AVERAGE_POOL_2D and MAX_POOL_2D: hand-derived vectors and a float reference.
#include "kernels/pooling.h"
#include "kernels/conv_params.h"

#include <gtest/gtest.h>

#include <vector>

#include "kernel_test_util.h"

namespace tinyrt {
namespace {

// Input 1x2x3x1 [1 2 -3; 4 6 -7], scale 1, zp 0. 2x2 window, stride 1, SAME:
// out 2x3, padding before 0 (total 1 per dim, all after), windows clipped.
const std::vector<int8_t> kInput{1, 2, -3, 4, 6, -7};

PoolParams prepare(Padding padding, FusedActivation act, const Shape4D& out) {
  PoolParams p{};
  const PoolOptions o{padding, 1, 1, 2, 2, act};
  EXPECT_EQ(pool_s8_prepare(o, {1, 2, 3, 1}, {1.0f, 0}, out, {1.0f, 0}, &p), KernelStatus::kOk);
  return p;
}

TEST(AveragePool, HandVectorSame) {
  // sums / counts: 13/4 = 3.25 -> 3; -2/4 = -0.5 -> -1 (away from zero); -10/2 = -5;
  //                10/2 = 5;        -1/2 = -0.5 -> -1;                     -7/1 = -7.
  std::vector<int8_t> out(6);
  average_pool_s8(prepare(Padding::kSame, FusedActivation::kNone, {1, 2, 3, 1}), kInput.data(), out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{3, -1, -5, 5, -1, -7}));
  // Relu clamps at the zero point 0.
  average_pool_s8(prepare(Padding::kSame, FusedActivation::kRelu, {1, 2, 3, 1}), kInput.data(), out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{3, 0, 0, 5, 0, 0}));
}

TEST(MaxPool, HandVector) {
  std::vector<int8_t> out(6);
  max_pool_s8(prepare(Padding::kSame, FusedActivation::kNone, {1, 2, 3, 1}), kInput.data(), out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{6, 6, -3, 6, 6, -7}));
  std::vector<int8_t> valid(2);
  max_pool_s8(prepare(Padding::kValid, FusedActivation::kNone, {1, 1, 2, 1}), kInput.data(), valid.data());
  EXPECT_EQ(valid, (std::vector<int8_t>{6, 6}));
}

TEST(Pool, PrepareRejectsMismatch) {
  PoolParams p{};
  const PoolOptions o{Padding::kValid, 1, 1, 2, 2, FusedActivation::kNone};
  EXPECT_EQ(pool_s8_prepare(o, {1, 2, 3, 1}, {1.0f, 0}, {1, 2, 3, 1}, {1.0f, 0}, &p), KernelStatus::kBadShape);
  EXPECT_EQ(pool_s8_prepare(o, {1, 2, 3, 1}, {1.0f, 0}, {1, 1, 2, 1}, {0.5f, 0}, &p),
            KernelStatus::kBadQuantization);
}

TEST(AveragePool, FloatReferenceWithinOneLsb) {
  std::mt19937 rng(8);
  for (int iter = 0; iter < 50; ++iter) {
    const Shape4D in{1, test::uniform_int(rng, 2, 12), test::uniform_int(rng, 2, 12), test::uniform_int(rng, 1, 9)};
    const PoolOptions o{iter % 2 ? Padding::kSame : Padding::kValid, test::uniform_int(rng, 1, 3),
                        test::uniform_int(rng, 1, 3), test::uniform_int(rng, 1, in.height),
                        test::uniform_int(rng, 1, in.width), FusedActivation::kNone};
    const int32_t oh = conv_output_size(o.padding, in.height, o.filter_h, o.stride_h, 1);
    const int32_t ow = conv_output_size(o.padding, in.width, o.filter_w, o.stride_w, 1);
    const Shape4D out{1, oh, ow, in.channels};
    const QuantParams q{0.1f, test::uniform_int(rng, -20, 20)};
    PoolParams p{};
    ASSERT_EQ(pool_s8_prepare(o, in, q, out, q, &p), KernelStatus::kOk);
    const auto input = test::random_s8(rng, element_count(in));
    std::vector<int8_t> got(element_count(out));
    average_pool_s8(p, input.data(), got.data());
    std::vector<int32_t> want(got.size());
    for (int32_t y = 0; y < oh; ++y)
      for (int32_t x = 0; x < ow; ++x)
        for (int32_t c = 0; c < in.channels; ++c) {
          double sum = 0;
          int n = 0;
          for (int32_t fy = 0; fy < o.filter_h; ++fy)
            for (int32_t fx = 0; fx < o.filter_w; ++fx) {
              const int32_t iy = y * o.stride_h - p.pad_h + fy, ix = x * o.stride_w - p.pad_w + fx;
              if (iy < 0 || ix < 0 || iy >= in.height || ix >= in.width) continue;
              sum += 0.1 * (input[(iy * in.width + ix) * in.channels + c] - q.zero_point);
              ++n;
            }
          want[(y * ow + x) * in.channels + c] = test::quantize_real(sum / n, 0.1, q.zero_point);
        }
    EXPECT_LE(test::max_abs_diff(got, want), 1) << "iteration " << iter;
  }
}

}  // namespace
}  // namespace tinyrt
