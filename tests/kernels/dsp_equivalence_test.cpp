// The Cortex-M DSP kernels (runtime/kernels/arm/, intrinsics emulated in C on the
// host) against the portable reference, bit for bit, on many seeded random shapes:
// odd channel counts, SAME/VALID padding, strides, dilation, depth multipliers,
// extreme zero points.
#include <gtest/gtest.h>

#include <vector>

#include "kernel_test_util.h"
#include "kernels/conv.h"
#include "kernels/depthwise_conv.h"
#include "kernels/fully_connected.h"

namespace tinyrt {
namespace {

struct RandomConv {
  Shape4D in{}, f{}, out{};
  ConvOptions o{};
  QuantParams iq{}, oq{};
  std::vector<float> fs;
  std::vector<int32_t> mult, shift, bias;
  std::vector<int8_t> input, filter;
  ConvParams p{};
};

/// A random valid conv / depthwise case; false when the geometry has no output.
bool make_case(std::mt19937& rng, bool depthwise, RandomConv* c) {
  c->in = {test::uniform_int(rng, 1, 2), test::uniform_int(rng, 1, 9), test::uniform_int(rng, 1, 9),
           test::uniform_int(rng, 1, 19)};
  const int32_t dm = depthwise ? test::uniform_int(rng, 1, 3) : 1;
  const int32_t oc = depthwise ? c->in.channels * dm : test::uniform_int(rng, 1, 9);
  const int32_t fh = test::uniform_int(rng, 1, 5), fw = test::uniform_int(rng, 1, 5);
  c->f = depthwise ? Shape4D{1, fh, fw, oc} : Shape4D{oc, fh, fw, c->in.channels};
  const int extremes = test::uniform_int(rng, 0, 3);
  const int32_t zp = extremes == 0 ? -128 : (extremes == 1 ? 127 : test::uniform_int(rng, -128, 127));
  c->o = {test::uniform_int(rng, 0, 1) ? Padding::kSame : Padding::kValid,
          test::uniform_int(rng, 1, 3),
          test::uniform_int(rng, 1, 3),
          test::uniform_int(rng, 1, 3),
          test::uniform_int(rng, 1, 3),
          dm,
          static_cast<FusedActivation>(test::uniform_int(rng, 0, 3))};
  const int32_t oh = conv_output_size(c->o.padding, c->in.height, fh, c->o.stride_h, c->o.dilation_h);
  const int32_t ow = conv_output_size(c->o.padding, c->in.width, fw, c->o.stride_w, c->o.dilation_w);
  if (oh < 1 || ow < 1) return false;
  c->out = {c->in.batch, oh, ow, oc};
  c->iq = {test::uniform_float(rng, 0.005f, 0.1f), zp};
  c->oq = {test::uniform_float(rng, 0.01f, 0.2f), test::uniform_int(rng, -128, 127)};
  c->fs.resize(oc);
  for (auto& s : c->fs) s = test::uniform_float(rng, 0.0005f, 0.02f);
  c->mult.resize(oc);
  c->shift.resize(oc);
  const KernelStatus s =
      depthwise ? depthwise_conv2d_s8_prepare(c->o, c->in, c->iq, c->f, c->fs.data(), oc, c->out, c->oq,
                                              c->mult.data(), c->shift.data(), &c->p)
                : conv2d_s8_prepare(c->o, c->in, c->iq, c->f, c->fs.data(), oc, c->out, c->oq, c->mult.data(),
                                    c->shift.data(), &c->p);
  if (s != KernelStatus::kOk) return false;
  c->input = test::random_s8(rng, element_count(c->in));
  c->filter = test::random_s8(rng, element_count(c->f));
  c->bias = test::random_s32(rng, oc, -20000, 20000);
  return true;
}

TEST(DspEquivalence, Conv2D) {
  std::mt19937 rng(1234);
  int checked = 0;
  for (int iter = 0; iter < 600; ++iter) {
    RandomConv c;
    if (!make_case(rng, false, &c)) continue;
    std::vector<int8_t> ref(element_count(c.out)), dsp(ref.size());
    const int32_t* bias = iter % 5 == 0 ? nullptr : c.bias.data();
    conv2d_s8_reference(c.p, c.input.data(), c.filter.data(), bias, ref.data());
    conv2d_s8_dsp(c.p, c.input.data(), c.filter.data(), bias, dsp.data());
    ASSERT_EQ(ref, dsp) << "iteration " << iter << " in " << c.in.height << "x" << c.in.width << "x"
                        << c.in.channels << " filter " << c.f.batch << "x" << c.f.height << "x" << c.f.width;
    ++checked;
  }
  EXPECT_GT(checked, 300);
}

TEST(DspEquivalence, DepthwiseConv2D) {
  std::mt19937 rng(4321);
  int checked = 0;
  for (int iter = 0; iter < 600; ++iter) {
    RandomConv c;
    if (!make_case(rng, true, &c)) continue;
    std::vector<int8_t> ref(element_count(c.out)), dsp(ref.size());
    const int32_t* bias = iter % 5 == 0 ? nullptr : c.bias.data();
    depthwise_conv2d_s8_reference(c.p, c.input.data(), c.filter.data(), bias, ref.data());
    depthwise_conv2d_s8_dsp(c.p, c.input.data(), c.filter.data(), bias, dsp.data());
    ASSERT_EQ(ref, dsp) << "iteration " << iter << " channels " << c.in.channels << " multiplier "
                        << c.p.depth_multiplier;
    ++checked;
  }
  EXPECT_GT(checked, 300);
}

/// One fixed conv / depthwise layer with random data, reference vs DSP.
void check_layer(bool depthwise, const Shape4D& in, int32_t out_c, int32_t fh, int32_t fw, int32_t stride,
                 Padding padding, uint32_t seed, int32_t dilation = 1) {
  std::mt19937 rng(seed);
  const Shape4D f = depthwise ? Shape4D{1, fh, fw, out_c} : Shape4D{out_c, fh, fw, in.channels};
  const ConvOptions o{padding,  stride, stride, dilation, dilation, depthwise ? out_c / in.channels : 1,
                      FusedActivation::kRelu};
  const Shape4D out{in.batch, conv_output_size(padding, in.height, fh, stride, dilation),
                    conv_output_size(padding, in.width, fw, stride, dilation), out_c};
  std::vector<float> fs(out_c);
  for (auto& s : fs) s = test::uniform_float(rng, 0.001f, 0.01f);
  std::vector<int32_t> mult(out_c), shift(out_c);
  ConvParams p{};
  const QuantParams iq{0.05f, -3}, oq{0.04f, -128};
  const KernelStatus st = depthwise ? depthwise_conv2d_s8_prepare(o, in, iq, f, fs.data(), out_c, out, oq,
                                                                  mult.data(), shift.data(), &p)
                                    : conv2d_s8_prepare(o, in, iq, f, fs.data(), out_c, out, oq, mult.data(),
                                                        shift.data(), &p);
  ASSERT_EQ(st, KernelStatus::kOk);
  const auto input = test::random_s8(rng, element_count(in));
  const auto filter = test::random_s8(rng, element_count(f), -127, 127);
  const auto bias = test::random_s32(rng, out_c, -5000, 5000);
  std::vector<int8_t> ref(element_count(out)), dsp(ref.size());
  if (depthwise) {
    depthwise_conv2d_s8_reference(p, input.data(), filter.data(), bias.data(), ref.data());
    depthwise_conv2d_s8_dsp(p, input.data(), filter.data(), bias.data(), dsp.data());
  } else {
    conv2d_s8_reference(p, input.data(), filter.data(), bias.data(), ref.data());
    conv2d_s8_dsp(p, input.data(), filter.data(), bias.data(), dsp.data());
  }
  EXPECT_EQ(ref, dsp);
}

// The layer shapes of the reference models in ../shared/models (MLPerf Tiny KWS DS-CNN:
// 49x10x1 -> conv 10x4/2 x64 -> (dw 3x3 + pw 1x1) x4; VWW MobileNet's first layers at a
// reduced 24x24 input).
TEST(DspEquivalence, ReferenceModelLayers) {
  check_layer(false, {1, 49, 10, 1}, 64, 10, 4, 2, Padding::kSame, 1);
  check_layer(true, {1, 25, 5, 64}, 64, 3, 3, 1, Padding::kSame, 2);
  check_layer(false, {1, 25, 5, 64}, 64, 1, 1, 1, Padding::kSame, 3);
  check_layer(false, {1, 24, 24, 3}, 8, 3, 3, 2, Padding::kSame, 4);
  check_layer(true, {1, 12, 12, 8}, 8, 3, 3, 1, Padding::kSame, 5);
  check_layer(true, {1, 12, 12, 16}, 16, 3, 3, 2, Padding::kSame, 6);
}

// Receptive fields above the DSP conv's gather buffer (1 KiB) take the row-walking
// path: 5x5x48 = 1200 bytes, with padding, stride, dilation and an odd channel count.
TEST(DspEquivalence, LargeWindows) {
  check_layer(false, {1, 9, 9, 48}, 7, 5, 5, 1, Padding::kSame, 7);
  check_layer(false, {1, 11, 10, 48}, 5, 5, 5, 2, Padding::kSame, 8, 2);
  check_layer(false, {2, 8, 8, 45}, 3, 5, 5, 1, Padding::kValid, 9);
  check_layer(false, {1, 12, 12, 30}, 4, 6, 6, 1, Padding::kSame, 10, 3);
}

TEST(DspEquivalence, FullyConnected) {
  std::mt19937 rng(99);
  for (int iter = 0; iter < 500; ++iter) {
    const int32_t batches = test::uniform_int(rng, 1, 3);
    const int32_t in_d = test::uniform_int(rng, 1, 300);
    const int32_t out_d = test::uniform_int(rng, 1, 17);
    const bool per_channel = iter % 2 == 0;
    std::vector<float> fs(per_channel ? out_d : 1);
    for (auto& s : fs) s = test::uniform_float(rng, 0.0005f, 0.02f);
    std::vector<int32_t> mult(fs.size()), shift(fs.size());
    FullyConnectedParams p{};
    const QuantParams iq{test::uniform_float(rng, 0.005f, 0.1f), test::uniform_int(rng, -128, 127)};
    const QuantParams oq{test::uniform_float(rng, 0.01f, 0.5f), test::uniform_int(rng, -128, 127)};
    ASSERT_EQ(fully_connected_s8_prepare(static_cast<FusedActivation>(iter % 4), batches * in_d, iq, out_d, in_d,
                                         fs.data(), static_cast<int32_t>(fs.size()), batches * out_d, oq,
                                         mult.data(), shift.data(), &p),
              KernelStatus::kOk);
    const auto input = test::random_s8(rng, batches * in_d);
    const auto w = test::random_s8(rng, out_d * in_d);
    const auto bias = test::random_s32(rng, out_d, -50000, 50000);
    std::vector<int8_t> ref(batches * out_d), dsp(ref.size());
    const int32_t* b = iter % 7 == 0 ? nullptr : bias.data();
    fully_connected_s8_reference(p, input.data(), w.data(), b, ref.data());
    fully_connected_s8_dsp(p, input.data(), w.data(), b, dsp.data());
    ASSERT_EQ(ref, dsp) << "iteration " << iter << " in " << in_d << " out " << out_d;
  }
}

}  // namespace
}  // namespace tinyrt
