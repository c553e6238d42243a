// CONV_2D: hand-derived vectors (reference and DSP kernels), TFLite's padding rule,
// and a float reference within 1 LSB on seeded random tensors.
#include "kernels/conv.h"

#include <gtest/gtest.h>

#include <vector>

#include "kernel_test_util.h"

namespace tinyrt {
namespace {

using Kernel = void (*)(const ConvParams&, const int8_t*, const int8_t*, const int32_t*, int8_t*);

TEST(ConvPadding, TfliteRule) {
  // SAME: out = ceil(in / stride); padding before = floor(total / 2), extra goes after.
  EXPECT_EQ(conv_output_size(Padding::kSame, 3, 2, 2, 1), 2);
  EXPECT_EQ(conv_padding_before(3, 2, 2, 1, 2), 0);  // total (2-1)*2 + 2 - 3 = 1
  EXPECT_EQ(conv_output_size(Padding::kSame, 5, 3, 1, 1), 5);
  EXPECT_EQ(conv_padding_before(5, 3, 1, 1, 5), 1);  // total 4 + 3 - 5 = 2
  // Dilation 2 makes a 3-tap filter span 5: VALID on 7 -> 3; SAME total 6 + 5 - 7 = 4.
  EXPECT_EQ(conv_output_size(Padding::kValid, 7, 3, 1, 2), 3);
  EXPECT_EQ(conv_padding_before(7, 3, 1, 2, 7), 2);
  EXPECT_EQ(conv_output_size(Padding::kValid, 10, 3, 3, 1), 3);  // (10 - 3 + 3) / 3
}

// The hand case: input 1x3x3x1, q = 1..9, zp 1 (so x - zp = 0..8), scale 0.5.
// Filter 2x2x2x1 (OHWI): ch0 [1 2; 3 4] scale 0.25, ch1 [-1 0; 1 -2] scale 0.5.
// Bias ch0 4, ch1 -2. Output scale 0.5, zp -10.
// Multipliers: ch0 0.5*0.25/0.5 = 0.25 -> {2^30, -1}; ch1 0.5*0.5/0.5 = 0.5 -> {2^30, 0}.
struct HandConv {
  std::vector<int8_t> input{1, 2, 3, 4, 5, 6, 7, 8, 9};
  std::vector<int8_t> filter{1, 2, 3, 4, -1, 0, 1, -2};
  std::vector<int32_t> bias{4, -2};
  float filter_scales[2]{0.25f, 0.5f};
  int32_t mult[2]{};
  int32_t shift[2]{};
  ConvParams params{};

  KernelStatus prepare(Padding padding, int32_t stride, FusedActivation act) {
    const ConvOptions o{padding, stride, stride, 1, 1, 1, act};
    return conv2d_s8_prepare(o, {1, 3, 3, 1}, {0.5f, 1}, {2, 2, 2, 1}, filter_scales, 2, {1, 2, 2, 2}, {0.5f, -10},
                             mult, shift, &params);
  }
  std::vector<int8_t> run(Kernel k) {
    std::vector<int8_t> out(8);
    k(params, input.data(), filter.data(), bias.data(), out.data());
    return out;
  }
};

// VALID, stride 1 (x - zp windows [0 1;3 4], [1 2;4 5], [3 4;6 7], [4 5;7 8]):
//  ch0 acc+bias = 31, 41, 61, 71. *0.25 by SRDHM(acc, 2^30) then rounding >> 1:
//   31 -> 15.5 -> 16 -> 8;  41 -> 20.5 -> 21 -> 10.5 -> 11 (double rounding; exact 10.25);
//   61 -> 30.5 -> 31 -> 16;  71 -> 35.5 -> 36 -> 18.   + zp -10 -> -2, 1, 6, 8.
//  ch1 acc+bias = -7, -9, -13, -15. *0.5 by SRDHM (negative ties toward zero):
//   -3, -4, -6, -7.  + zp -10 -> -13, -14, -16, -17.
const std::vector<int8_t> kValidExpected{-2, -13, 1, -14, 6, -16, 8, -17};

TEST(Conv2D, HandVectorValid) {
  for (Kernel k : {&conv2d_s8_reference, &conv2d_s8_dsp, &conv2d_s8}) {
    HandConv c;
    ASSERT_EQ(c.prepare(Padding::kValid, 1, FusedActivation::kNone), KernelStatus::kOk);
    EXPECT_EQ(c.mult[0], 1 << 30);
    EXPECT_EQ(c.shift[0], -1);
    EXPECT_EQ(c.shift[1], 0);
    EXPECT_EQ(c.run(k), kValidExpected);
  }
}

TEST(Conv2D, HandVectorRelu6) {
  // Relu6 range with scale 0.5, zp -10: [-10, -10 + 12] = [-10, 2].
  const std::vector<int8_t> expected{-2, -10, 1, -10, 2, -10, 2, -10};
  for (Kernel k : {&conv2d_s8_reference, &conv2d_s8_dsp}) {
    HandConv c;
    ASSERT_EQ(c.prepare(Padding::kValid, 1, FusedActivation::kRelu6), KernelStatus::kOk);
    EXPECT_EQ(c.run(k), expected);
  }
}

TEST(Conv2D, HandVectorSameStride2) {
  // SAME, stride 2: out 2x2, padding before 0, the missing row/column is after.
  //  (0,0): as VALID -> -2, -13.
  //  (0,1): taps (0,0)=x2, (1,0)=x5: ch0 1*2+3*5+4 = 21 -> 10.5 -> 11 -> 5.5 -> 6 -> -4;
  //         ch1 -2+5-2 = 1 -> 0.5 -> 1 -> -9.
  //  (1,0): taps (0,0)=x6, (0,1)=x7: ch0 6+14+4 = 24 -> 6 -> -4; ch1 -6-2 = -8 -> -4 -> -14.
  //  (1,1): tap (0,0)=x8: ch0 8+4 = 12 -> 3 -> -7; ch1 -8-2 = -10 -> -5 -> -15.
  const std::vector<int8_t> expected{-2, -13, -4, -9, -4, -14, -7, -15};
  for (Kernel k : {&conv2d_s8_reference, &conv2d_s8_dsp}) {
    HandConv c;
    ASSERT_EQ(c.prepare(Padding::kSame, 2, FusedActivation::kNone), KernelStatus::kOk);
    EXPECT_EQ(c.params.pad_h, 0);
    EXPECT_EQ(c.run(k), expected);
  }
}

TEST(Conv2D, PrepareRejectsWrongShapes) {
  HandConv c;
  const ConvOptions o{Padding::kValid, 1, 1, 1, 1, 1, FusedActivation::kNone};
  // Output 3x3 is not what VALID 2x2 on 3x3 gives.
  EXPECT_EQ(conv2d_s8_prepare(o, {1, 3, 3, 1}, {0.5f, 1}, {2, 2, 2, 1}, c.filter_scales, 2, {1, 3, 3, 2},
                              {0.5f, 0}, c.mult, c.shift, &c.params),
            KernelStatus::kBadShape);
  // Filter input depth 2 != input channels 1.
  EXPECT_EQ(conv2d_s8_prepare(o, {1, 3, 3, 1}, {0.5f, 1}, {2, 2, 2, 2}, c.filter_scales, 2, {1, 2, 2, 2},
                              {0.5f, 0}, c.mult, c.shift, &c.params),
            KernelStatus::kBadShape);
  // Three scales for two channels.
  EXPECT_EQ(conv2d_s8_prepare(o, {1, 3, 3, 1}, {0.5f, 1}, {2, 2, 2, 1}, c.filter_scales, 3, {1, 2, 2, 2},
                              {0.5f, 0}, c.mult, c.shift, &c.params),
            KernelStatus::kBadQuantization);
}

TEST(Conv2D, FloatReferenceWithinOneLsb) {
  std::mt19937 rng(2024);
  for (int iter = 0; iter < 40; ++iter) {
    const Shape4D in{test::uniform_int(rng, 1, 2), test::uniform_int(rng, 3, 8), test::uniform_int(rng, 3, 8),
                     test::uniform_int(rng, 1, 9)};
    const int32_t oc = test::uniform_int(rng, 1, 7);
    const Shape4D f{oc, test::uniform_int(rng, 1, 3), test::uniform_int(rng, 1, 3), in.channels};
    const ConvOptions o{iter % 2 ? Padding::kSame : Padding::kValid, test::uniform_int(rng, 1, 2),
                        test::uniform_int(rng, 1, 2), test::uniform_int(rng, 1, 2), 1, 1,
                        iter % 3 == 0 ? FusedActivation::kRelu : FusedActivation::kNone};
    const int32_t oh = conv_output_size(o.padding, in.height, f.height, o.stride_h, o.dilation_h);
    const int32_t ow = conv_output_size(o.padding, in.width, f.width, o.stride_w, o.dilation_w);
    if (oh < 1 || ow < 1) continue;
    const Shape4D out{in.batch, oh, ow, oc};
    const QuantParams iq{test::uniform_float(rng, 0.01f, 0.1f), test::uniform_int(rng, -128, 127)};
    std::vector<float> fs(oc);
    for (auto& s : fs) s = test::uniform_float(rng, 0.001f, 0.02f);
    const float k = static_cast<float>(f.height * f.width * f.channels);
    const QuantParams oq{iq.scale * 0.01f * std::sqrt(k) * 40.0f / 127.0f, test::uniform_int(rng, -20, 20)};
    std::vector<int32_t> mult(oc), shift(oc);
    ConvParams p{};
    ASSERT_EQ(conv2d_s8_prepare(o, in, iq, f, fs.data(), oc, out, oq, mult.data(), shift.data(), &p),
              KernelStatus::kOk);
    const auto input = test::random_s8(rng, element_count(in));
    const auto filter = test::random_s8(rng, element_count(f), -127, 127);
    const auto bias = test::random_s32(rng, oc, -2000, 2000);
    std::vector<int8_t> got(element_count(out));
    conv2d_s8_reference(p, input.data(), filter.data(), bias.data(), got.data());

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
                for (int32_t i = 0; i < in.channels; ++i) {
                  const double xr = static_cast<double>(iq.scale) * (input[((b * in.height + iy) * in.width + ix) * in.channels + i] - iq.zero_point);
                  const double wr = fs[c] * filter[((c * f.height + ky) * f.width + kx) * f.channels + i];
                  acc += xr * wr;
                }
              }
            want[((b * oh + y) * ow + x) * oc + c] = test::quantize_real(acc, oq.scale, oq.zero_point, p.act_min, p.act_max);
          }
    EXPECT_LE(test::max_abs_diff(got, want), 1) << "iteration " << iter;
  }
}

}  // namespace
}  // namespace tinyrt
