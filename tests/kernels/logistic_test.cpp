// LOGISTIC and TANH int8: hand-derived values away from rounding ties, saturation at
// the input radius, and every int8 input against libm within 1 LSB.
#include "kernels/logistic.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "kernel_test_util.h"

namespace tinyrt {
namespace {

// Input scale 1/16, zp 0: 2^-4 * 2^27 = 2^23 = 0.5 * 2^24 -> {2^30, 24};
// radius = floor(15 * 2^27 / 2^24) = 120.
TEST(Logistic, HandVector) {
  SigmoidParams p{};
  ASSERT_EQ(logistic_s8_prepare({1.0f / 16, 0}, {1.0f / 256, -128}, 6, &p), KernelStatus::kOk);
  EXPECT_EQ(p.input_multiplier, 1 << 30);
  EXPECT_EQ(p.input_left_shift, 24);
  EXPECT_EQ(p.input_range_radius, 120);
  // 0 -> 0.5 * 256 - 128 = 0; 1.0 -> 0.731059 * 256 = 187.15 -> 59; -1.0 -> 68.85 -> 69 - 128 = -59;
  // +-120 is at the radius -> 127 / -128; 2.0 -> 0.880797 * 256 = 225.48 -> 97.
  const std::vector<int8_t> in{0, 16, -16, 120, -120, 32};
  std::vector<int8_t> out(6);
  logistic_s8(p, in.data(), out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{0, 59, -59, 127, -128, 97}));
}

TEST(Tanh, HandVector) {
  SigmoidParams p{};
  ASSERT_EQ(tanh_s8_prepare({1.0f / 16, 0}, {1.0f / 128, 0}, 5, &p), KernelStatus::kOk);
  // tanh(1) * 128 = 97.48 -> 97; tanh(0.5) * 128 = 59.15 -> 59; tanh(7.4375) * 128 ~ 128 -> 127.
  const std::vector<int8_t> in{0, 16, -16, 8, 119};
  std::vector<int8_t> out(5);
  tanh_s8(p, in.data(), out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{0, 97, -97, 59, 127}));
}

TEST(Sigmoid, PrepareRejectsOtherOutputQuantization) {
  SigmoidParams p{};
  EXPECT_EQ(logistic_s8_prepare({0.1f, 0}, {1.0f / 128, 0}, 1, &p), KernelStatus::kBadQuantization);
  EXPECT_EQ(tanh_s8_prepare({0.1f, 0}, {1.0f / 256, -128}, 1, &p), KernelStatus::kBadQuantization);
}

TEST(Sigmoid, AllInputsWithinOneLsbOfLibm) {
  std::vector<int8_t> in(256);
  for (int i = 0; i < 256; ++i) in[i] = static_cast<int8_t>(i - 128);
  for (const QuantParams iq : {QuantParams{0.02f, 0}, QuantParams{0.1f, -20}, QuantParams{0.0625f, 5},
                               QuantParams{0.3f, 100}, QuantParams{0.005f, -128}}) {
    SigmoidParams pl{}, pt{};
    ASSERT_EQ(logistic_s8_prepare(iq, {1.0f / 256, -128}, 256, &pl), KernelStatus::kOk);
    ASSERT_EQ(tanh_s8_prepare(iq, {1.0f / 128, 0}, 256, &pt), KernelStatus::kOk);
    std::vector<int8_t> gl(256), gt(256);
    logistic_s8(pl, in.data(), gl.data());
    tanh_s8(pt, in.data(), gt.data());
    std::vector<int32_t> wl(256), wt(256);
    for (int i = 0; i < 256; ++i) {
      const double x = static_cast<double>(iq.scale) * (in[i] - iq.zero_point);
      wl[i] = test::quantize_real(1.0 / (1.0 + std::exp(-x)), 1.0 / 256, -128);
      wt[i] = test::quantize_real(std::tanh(x), 1.0 / 128, 0);
    }
    EXPECT_LE(test::max_abs_diff(gl, wl), 1) << "scale " << iq.scale;
    EXPECT_LE(test::max_abs_diff(gt, wt), 1) << "scale " << iq.scale;
  }
}

}  // namespace
}  // namespace tinyrt
