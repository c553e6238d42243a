// DEPTHWISE_CONV_2D: a hand-derived vector with depth multiplier 2 and SAME padding,
// and a float reference within 1 LSB on seeded random tensors.
#include "kernels/depthwise_conv.h"

#include <gtest/gtest.h>

#include <vector>

#include "kernel_test_util.h"

namespace tinyrt {
namespace {

using Kernel = void (*)(const ConvParams&, const int8_t*, const int8_t*, const int32_t*, int8_t*);

// Input 1x2x2x1 q [3 4; 5 6], zp 2 (x - zp = [1 2; 3 4]), scale 1.
// Filter 1x2x2x2 (1HWO, multiplier 2): ch0 taps [1 0; 0 1] scale 0.5, ch1 [1 1; 1 1]
// scale 0.25 -> stored per tap (ch0, ch1): [1,1, 0,1, 0,1, 1,1]. Bias ch0 1, ch1 -3.
// Output scale 1, zp 5. SAME stride 1: out 2x2, padding before 0 (total 1, after).
// Multipliers: ch0 0.5 -> {2^30, 0}; ch1 0.25 -> {2^30, -1}.
//  acc (taps in bounds): (0,0) ch0 1+4 = 5, ch1 1+2+3+4 = 10; (0,1) ch0 2, ch1 2+4 = 6;
//                        (1,0) ch0 3, ch1 3+4 = 7;          (1,1) ch0 4, ch1 4.
//  ch0 + 1 = 6, 3, 4, 5 -> *0.5: 3, 1.5->2, 2, 2.5->3.
//  ch1 - 3 = 7, 3, 4, 1 -> SRDHM 3.5->4, 1.5->2, 2, 0.5->1 then >>1 rounding: 2, 1, 1, 1
//   (the last is 0.25 exactly but TFLite's two roundings give 1).
//  + zp 5.
TEST(DepthwiseConv2D, HandVectorMultiplier2Same) {
  const std::vector<int8_t> input{3, 4, 5, 6};
  const std::vector<int8_t> filter{1, 1, 0, 1, 0, 1, 1, 1};
  const std::vector<int32_t> bias{1, -3};
  const float scales[2]{0.5f, 0.25f};
  const std::vector<int8_t> expected{8, 7, 7, 6, 7, 6, 8, 6};
  for (Kernel k : {&depthwise_conv2d_s8_reference, &depthwise_conv2d_s8_dsp, &depthwise_conv2d_s8}) {
    int32_t mult[2], shift[2];
    ConvParams p{};
    const ConvOptions o{Padding::kSame, 1, 1, 1, 1, 2, FusedActivation::kNone};
    ASSERT_EQ(depthwise_conv2d_s8_prepare(o, {1, 2, 2, 1}, {1.0f, 2}, {1, 2, 2, 2}, scales, 2, {1, 2, 2, 2},
                                          {1.0f, 5}, mult, shift, &p),
              KernelStatus::kOk);
    std::vector<int8_t> out(8);
    k(p, input.data(), filter.data(), bias.data(), out.data());
    EXPECT_EQ(out, expected);
  }
}

TEST(DepthwiseConv2D, PrepareRejectsWrongMultiplier) {
  int32_t mult[8], shift[8];
  ConvParams p{};
  const float scales[1]{0.5f};
  const ConvOptions o{Padding::kSame, 1, 1, 1, 1, 2, FusedActivation::kNone};
  // 4 filter channels are not a multiple of 3 input channels.
  EXPECT_EQ(depthwise_conv2d_s8_prepare(o, {1, 2, 2, 3}, {1.0f, 0}, {1, 2, 2, 4}, scales, 1, {1, 2, 2, 4},
                                        {1.0f, 0}, mult, shift, &p),
            KernelStatus::kBadShape);
  // Option 2 disagrees with the shapes' multiplier 1.
  EXPECT_EQ(depthwise_conv2d_s8_prepare(o, {1, 2, 2, 4}, {1.0f, 0}, {1, 2, 2, 4}, scales, 1, {1, 2, 2, 4},
                                        {1.0f, 0}, mult, shift, &p),
            KernelStatus::kBadShape);
  // Option 0 (unset in the file): derived from the shapes, 8 / 4 = 2.
  const ConvOptions unset{Padding::kSame, 1, 1, 1, 1, 0, FusedActivation::kNone};
  ASSERT_EQ(depthwise_conv2d_s8_prepare(unset, {1, 2, 2, 4}, {1.0f, 0}, {1, 2, 2, 8}, scales, 1, {1, 2, 2, 8},
                                        {1.0f, 0}, mult, shift, &p),
            KernelStatus::kOk);
  EXPECT_EQ(p.depth_multiplier, 2);
}

TEST(DepthwiseConv2D, FloatReferenceWithinOneLsb) {
  std::mt19937 rng(77);
  for (int iter = 0; iter < 40; ++iter) {
    const Shape4D in{test::uniform_int(rng, 1, 2), test::uniform_int(rng, 3, 9), test::uniform_int(rng, 3, 9),
                     test::uniform_int(rng, 1, 10)};
    const int32_t mult_d = test::uniform_int(rng, 1, 3);
    const int32_t oc = in.channels * mult_d;
    const Shape4D f{1, test::uniform_int(rng, 1, 3), test::uniform_int(rng, 1, 3), oc};
    const ConvOptions o{iter % 2 ? Padding::kSame : Padding::kValid, test::uniform_int(rng, 1, 2),
                        test::uniform_int(rng, 1, 2), test::uniform_int(rng, 1, 2), 1, mult_d,
                        iter % 3 == 0 ? FusedActivation::kRelu6 : FusedActivation::kNone};
    const int32_t oh = conv_output_size(o.padding, in.height, f.height, o.stride_h, o.dilation_h);
    const int32_t ow = conv_output_size(o.padding, in.width, f.width, o.stride_w, o.dilation_w);
    if (oh < 1 || ow < 1) continue;
    const Shape4D out{in.batch, oh, ow, oc};
    const QuantParams iq{test::uniform_float(rng, 0.01f, 0.1f), test::uniform_int(rng, -128, 127)};
    std::vector<float> fs(oc);
    for (auto& s : fs) s = test::uniform_float(rng, 0.002f, 0.02f);
    const QuantParams oq{iq.scale * 0.01f * 3.0f * 40.0f / 127.0f, test::uniform_int(rng, -20, 20)};
    std::vector<int32_t> mult(oc), shift(oc);
    ConvParams p{};
    ASSERT_EQ(depthwise_conv2d_s8_prepare(o, in, iq, f, fs.data(), oc, out, oq, mult.data(), shift.data(), &p),
              KernelStatus::kOk);
    const auto input = test::random_s8(rng, element_count(in));
    const auto filter = test::random_s8(rng, element_count(f), -127, 127);
    const auto bias = test::random_s32(rng, oc, -2000, 2000);
    std::vector<int8_t> got(element_count(out));
    depthwise_conv2d_s8_reference(p, input.data(), filter.data(), bias.data(), got.data());

    std::vector<int32_t> want(got.size());
    for (int32_t b = 0; b < out.batch; ++b)
      for (int32_t y = 0; y < oh; ++y)
        for (int32_t x = 0; x < ow; ++x)
          for (int32_t c = 0; c < oc; ++c) {
            double acc = bias[c] * static_cast<double>(iq.scale) * fs[c];
            for (int32_t ky = 0; ky < f.height; ++ky)
              for (int32_t kx = 0; kx < f.width; ++kx) {
                const int32_t iy = y * o.stride_h - p.pad_h + ky * o.dilation_h;
                const int32_t ix = x * o.stride_w - p.pad_w + kx * o.dilation_w;
                if (iy < 0 || ix < 0 || iy >= in.height || ix >= in.width) continue;
                const int32_t ic = c / mult_d;
                const double xr = static_cast<double>(iq.scale) * (input[((b * in.height + iy) * in.width + ix) * in.channels + ic] - iq.zero_point);
                acc += xr * fs[c] * filter[(ky * f.width + kx) * oc + c];
              }
            want[((b * oh + y) * ow + x) * oc + c] = test::quantize_real(acc, oq.scale, oq.zero_point, p.act_min, p.act_max);
          }
    EXPECT_LE(test::max_abs_diff(got, want), 1) << "iteration " << iter;
  }
}

}  // namespace
}  // namespace tinyrt
