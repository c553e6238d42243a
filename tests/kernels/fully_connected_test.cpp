// FULLY_CONNECTED: a hand-derived vector (per-tensor weights), and a float reference
// within 1 LSB for per-tensor and per-channel weights on seeded random tensors.
#include "kernels/fully_connected.h"

#include <gtest/gtest.h>

#include <vector>

#include "kernel_test_util.h"

namespace tinyrt {
namespace {

using Kernel = void (*)(const FullyConnectedParams&, const int8_t*, const int8_t*, const int32_t*, int8_t*);

// Input [10, -20, 30, 127], zp 10, scale 0.5 -> x - zp = [0, -30, 20, 117].
// Weights (scale 0.25): [1 1 1 1], [-1 2 0 1], [127 -128 0 0]; bias [100, -50, 0].
// Output scale 2, zp -5. Multiplier float(0.5*0.25)/2 = 0.0625 = 0.5*2^-3 -> {2^30, -3}.
//  o0: 0-30+20+117 = 107 + 100 = 207 -> SRDHM 103.5 -> 104 -> /8 = 13 -> 8.
//  o1: 0-60+0+117 = 57 - 50 = 7 -> 3.5 -> 4 -> /8 = 0.5 -> 1 -> -4 (exact 0.4375: two roundings).
//  o2: -128 * -30 = 3840 -> 1920 -> 240 -> 235 -> saturates to 127.
TEST(FullyConnected, HandVector) {
  const std::vector<int8_t> input{10, -20, 30, 127};
  const std::vector<int8_t> weights{1, 1, 1, 1, -1, 2, 0, 1, 127, -128, 0, 0};
  const std::vector<int32_t> bias{100, -50, 0};
  const float scale[1]{0.25f};
  for (Kernel k : {&fully_connected_s8_reference, &fully_connected_s8_dsp, &fully_connected_s8}) {
    int32_t mult[1], shift[1];
    FullyConnectedParams p{};
    ASSERT_EQ(fully_connected_s8_prepare(FusedActivation::kNone, 4, {0.5f, 10}, 3, 4, scale, 1, 3, {2.0f, -5},
                                         mult, shift, &p),
              KernelStatus::kOk);
    EXPECT_EQ(mult[0], 1 << 30);
    EXPECT_EQ(shift[0], -3);
    std::vector<int8_t> out(3);
    k(p, input.data(), weights.data(), bias.data(), out.data());
    EXPECT_EQ(out, (std::vector<int8_t>{8, -4, 127}));
  }
}

TEST(FullyConnected, PrepareRejectsMismatchedSizes) {
  int32_t mult[1], shift[1];
  FullyConnectedParams p{};
  const float scale[1]{0.25f};
  EXPECT_EQ(fully_connected_s8_prepare(FusedActivation::kNone, 5, {0.5f, 0}, 3, 4, scale, 1, 3, {1.0f, 0}, mult,
                                       shift, &p),
            KernelStatus::kBadShape);
  EXPECT_EQ(fully_connected_s8_prepare(FusedActivation::kNone, 8, {0.5f, 0}, 3, 4, scale, 1, 3, {1.0f, 0}, mult,
                                       shift, &p),
            KernelStatus::kBadShape);  // 2 batches need 6 outputs
}

TEST(FullyConnected, FloatReferenceWithinOneLsb) {
  std::mt19937 rng(5);
  for (int iter = 0; iter < 60; ++iter) {
    const int32_t batches = test::uniform_int(rng, 1, 3);
    const int32_t in_d = test::uniform_int(rng, 1, 70);
    const int32_t out_d = test::uniform_int(rng, 1, 13);
    const bool per_channel = iter % 2 == 1;
    const QuantParams iq{test::uniform_float(rng, 0.01f, 0.1f), test::uniform_int(rng, -128, 127)};
    std::vector<float> fs(per_channel ? out_d : 1);
    for (auto& s : fs) s = test::uniform_float(rng, 0.002f, 0.02f);
    const QuantParams oq{iq.scale * 0.01f * std::sqrt(static_cast<float>(in_d)) * 40.0f / 127.0f,
                         test::uniform_int(rng, -20, 20)};
    std::vector<int32_t> mult(fs.size()), shift(fs.size());
    FullyConnectedParams p{};
    ASSERT_EQ(fully_connected_s8_prepare(iter % 3 ? FusedActivation::kNone : FusedActivation::kRelu, batches * in_d,
                                         iq, out_d, in_d, fs.data(), static_cast<int32_t>(fs.size()),
                                         batches * out_d, oq, mult.data(), shift.data(), &p),
              KernelStatus::kOk);
    const auto input = test::random_s8(rng, batches * in_d);
    const auto w = test::random_s8(rng, out_d * in_d, -127, 127);
    const auto bias = test::random_s32(rng, out_d, -3000, 3000);
    std::vector<int8_t> got(batches * out_d);
    fully_connected_s8_reference(p, input.data(), w.data(), bias.data(), got.data());
    std::vector<int32_t> want(got.size());
    for (int32_t b = 0; b < batches; ++b)
      for (int32_t o = 0; o < out_d; ++o) {
        const double ws = fs[per_channel ? o : 0];
        double acc = bias[o] * static_cast<double>(iq.scale) * ws;
        for (int32_t i = 0; i < in_d; ++i)
          acc += static_cast<double>(iq.scale) * (input[b * in_d + i] - iq.zero_point) * ws * w[o * in_d + i];
        want[b * out_d + o] = test::quantize_real(acc, oq.scale, oq.zero_point, p.act_min, p.act_max);
      }
    EXPECT_LE(test::max_abs_diff(got, want), 1) << "iteration " << iter;
  }
}

}  // namespace
}  // namespace tinyrt
