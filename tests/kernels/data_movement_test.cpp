// QUANTIZE / DEQUANTIZE / requantise, PAD and CONCATENATION: hand vectors.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "kernel_test_util.h"
#include "kernels/concatenation.h"
#include "kernels/pad.h"
#include "kernels/quantize.h"

namespace tinyrt {
namespace {

TEST(Quantize, FloatToInt8RoundsHalfAwayFromZero) {
  // scale 0.5, zp -1: 1.25 -> 2.5 -> 3 -> 2; -1.25 -> -3 -> -4; 1000 -> 127;
  // -0.2 -> -0.4 -> 0 -> -1; 0.75 -> 1.5 -> 2 -> 1; -1000 -> -128.
  const std::vector<float> in{1.25f, -1.25f, 1000.0f, -0.2f, 0.75f, -1000.0f};
  std::vector<int8_t> out(in.size());
  quantize_f32_to_s8({0.5f, -1}, in.data(), out.data(), 6);
  EXPECT_EQ(out, (std::vector<int8_t>{2, -4, 127, -1, 1, -128}));
}

TEST(Dequantize, Int8ToFloat) {
  const std::vector<int8_t> in{3, -128, -1};
  std::vector<float> out(3);
  dequantize_s8_to_f32({0.5f, -1}, in.data(), out.data(), 3);
  EXPECT_EQ(out, (std::vector<float>{2.0f, -63.5f, 0.0f}));
}

TEST(Quantize, RoundTripIsIdentity) {
  std::vector<int8_t> q(256), back(256);
  for (int i = 0; i < 256; ++i) q[i] = static_cast<int8_t>(i - 128);
  std::vector<float> f(256);
  dequantize_s8_to_f32({0.0371f, 17}, q.data(), f.data(), 256);
  quantize_f32_to_s8({0.0371f, 17}, f.data(), back.data(), 256);
  EXPECT_EQ(back, q);
}

TEST(Requantize, Int8ToInt8) {
  // in scale 0.5 zp 0 -> out scale 1 zp 5: multiplier {2^30, 0}.
  // 3 -> 1.5 -> 2 -> 7; -3 -> -1.5: the high multiply rounds the negative tie toward
  // zero -> -1 -> 4 (TFLite's arithmetic; a float would give 3); 127 -> 63.5 -> 64 -> 69.
  RequantizeParams p{};
  ASSERT_EQ(requantize_s8_prepare({0.5f, 0}, {1.0f, 5}, 3, &p), KernelStatus::kOk);
  const std::vector<int8_t> in{3, -3, 127};
  std::vector<int8_t> out(3);
  requantize_s8(p, in.data(), out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{7, 4, 69}));
}

TEST(Pad, FillsWithOutputZeroPoint) {
  // 1x1x2x1 [1, 2], one row before, one column after, zp 7 -> 1x2x3x1.
  const int32_t paddings[4][2] = {{0, 0}, {1, 0}, {0, 1}, {0, 0}};
  PadParams p{};
  ASSERT_EQ(pad_s8_prepare({1, 1, 2, 1}, {0.1f, 7}, paddings, {1, 2, 3, 1}, {0.1f, 7}, &p), KernelStatus::kOk);
  const std::vector<int8_t> in{1, 2};
  std::vector<int8_t> out(6, 0);
  pad_s8(p, in.data(), out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{7, 7, 7, 1, 2, 7}));
  EXPECT_EQ(pad_s8_prepare({1, 1, 2, 1}, {0.1f, 7}, paddings, {1, 2, 2, 1}, {0.1f, 7}, &p), KernelStatus::kBadShape);
}

TEST(Concatenation, ChannelsAndHeight) {
  const QuantParams q{0.2f, 3};
  const QuantParams qs[2] = {q, q};
  int32_t sizes[2];
  ConcatenationParams p{};
  // Channels: [1, 2] (1x1x2x1) ++ [3 4, 5 6] (1x1x2x2) -> [1 3 4, 2 5 6].
  const Shape4D shapes[2] = {{1, 1, 2, 1}, {1, 1, 2, 2}};
  ASSERT_EQ(concatenation_s8_prepare(3, shapes, qs, 2, {1, 1, 2, 3}, q, sizes, &p), KernelStatus::kOk);
  const std::vector<int8_t> a{1, 2}, b{3, 4, 5, 6};
  const int8_t* ins[2] = {a.data(), b.data()};
  std::vector<int8_t> out(6);
  concatenation_s8(p, ins, out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{1, 3, 4, 2, 5, 6}));
  // Height: the inputs follow each other whole.
  const Shape4D rows[2] = {{1, 1, 1, 2}, {1, 2, 1, 2}};
  ASSERT_EQ(concatenation_s8_prepare(1, rows, qs, 2, {1, 3, 1, 2}, q, sizes, &p), KernelStatus::kOk);
  concatenation_s8(p, ins, out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{1, 2, 3, 4, 5, 6}));
  const QuantParams other[2] = {q, {0.3f, 3}};
  EXPECT_EQ(concatenation_s8_prepare(3, shapes, other, 2, {1, 1, 2, 3}, q, sizes, &p),
            KernelStatus::kBadQuantization);
}

}  // namespace
}  // namespace tinyrt
