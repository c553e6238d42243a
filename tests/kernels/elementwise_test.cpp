// ADD and MUL: hand-derived vectors, broadcasting equals the expanded elementwise op,
// and a float reference within 1 LSB.
#include <gtest/gtest.h>

#include <vector>

#include "kernel_test_util.h"
#include "kernels/add.h"
#include "kernels/mul.h"

namespace tinyrt {
namespace {

// in1 scale 0.5 zp 0, in2 scale 0.25 zp 10, out scale 1 zp -3; twice max scale = 1:
// m1 = 0.5 -> {2^30, 0}, m2 = 0.25 -> {2^30, -1}, mo = 1 / 2^20 -> {2^30, -19}.
//  (3, 14):    1.5 + 1.0 = 2.5: (3<<20)*0.5 + (4<<20)*0.25 = 2621440 -> *2^-20 = 2.5 -> 3 -> 0.
//  (-3, 9):   -1.5 - 0.25 = -1.75: -1572864 - 262144 = -1835008 -> -1.75 -> -2 -> -5.
//  (127, -128): 63.5 - 34.5 = 29 exactly -> 26.
//  (1, 11):    0.5 + 0.25 = 0.75 -> 1 -> -2.
TEST(Add, HandVector) {
  const std::vector<int8_t> a{3, -3, 127, 1}, b{14, 9, -128, 11};
  AddParams p{};
  ASSERT_EQ(add_s8_prepare(FusedActivation::kNone, {1, 1, 1, 4}, {0.5f, 0}, {1, 1, 1, 4}, {0.25f, 10},
                           {1, 1, 1, 4}, {1.0f, -3}, &p),
            KernelStatus::kOk);
  EXPECT_EQ(p.input1_multiplier, 1 << 30);
  EXPECT_EQ(p.input2_shift, -1);
  EXPECT_EQ(p.output_shift, -19);
  std::vector<int8_t> out(4);
  add_s8(p, a.data(), b.data(), out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{0, -5, 26, -2}));
  // Relu6: [zp, zp + 6] = [-3, 3].
  ASSERT_EQ(add_s8_prepare(FusedActivation::kRelu6, {1, 1, 1, 4}, {0.5f, 0}, {1, 1, 1, 4}, {0.25f, 10},
                           {1, 1, 1, 4}, {1.0f, -3}, &p),
            KernelStatus::kOk);
  add_s8(p, a.data(), b.data(), out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{0, -3, 3, -2}));
}

// in1 scale 0.5 zp 1, in2 scale 0.25 zp -2, out scale 0.125 zp 4: multiplier
// 0.5*0.25/0.125 = 1 -> {2^30, 1}. (3,2): 2*4 = 8 -> 12; (-5,5): -6*7 = -42 -> -38;
// (127,127): 126*129 saturates -> 127.
TEST(Mul, HandVector) {
  const std::vector<int8_t> a{3, -5, 127}, b{2, 5, 127};
  MulParams p{};
  ASSERT_EQ(mul_s8_prepare(FusedActivation::kNone, {1, 1, 1, 3}, {0.5f, 1}, {1, 1, 1, 3}, {0.25f, -2},
                           {1, 1, 1, 3}, {0.125f, 4}, &p),
            KernelStatus::kOk);
  EXPECT_EQ(p.output_multiplier, 1 << 30);
  EXPECT_EQ(p.output_shift, 1);
  std::vector<int8_t> out(3);
  mul_s8(p, a.data(), b.data(), out.data());
  EXPECT_EQ(out, (std::vector<int8_t>{12, -38, 127}));
}

TEST(Elementwise, BroadcastEqualsExpanded) {
  std::mt19937 rng(21);
  const Shape4D s1{2, 1, 3, 4}, s2{1, 5, 1, 4}, so{2, 5, 3, 4};
  const auto a = test::random_s8(rng, element_count(s1));
  const auto b = test::random_s8(rng, element_count(s2));
  std::vector<int8_t> ea(element_count(so)), eb(ea.size());
  for (int n = 0; n < 2; ++n)
    for (int y = 0; y < 5; ++y)
      for (int x = 0; x < 3; ++x)
        for (int c = 0; c < 4; ++c) {
          const int o = ((n * 5 + y) * 3 + x) * 4 + c;
          ea[o] = a[(n * 3 + x) * 4 + c];
          eb[o] = b[y * 4 + c];
        }
  const QuantParams q1{0.07f, 3}, q2{0.02f, -9}, qo{0.09f, 1};
  AddParams pb{}, pe{};
  ASSERT_EQ(add_s8_prepare(FusedActivation::kNone, s1, q1, s2, q2, so, qo, &pb), KernelStatus::kOk);
  ASSERT_EQ(add_s8_prepare(FusedActivation::kNone, so, q1, so, q2, so, qo, &pe), KernelStatus::kOk);
  EXPECT_EQ(pb.shape.needs_broadcast, 1);
  std::vector<int8_t> rb(ea.size()), re(ea.size());
  add_s8(pb, a.data(), b.data(), rb.data());
  add_s8(pe, ea.data(), eb.data(), re.data());
  EXPECT_EQ(rb, re);
  MulParams mb{}, me{};
  ASSERT_EQ(mul_s8_prepare(FusedActivation::kNone, s1, q1, s2, q2, so, qo, &mb), KernelStatus::kOk);
  ASSERT_EQ(mul_s8_prepare(FusedActivation::kNone, so, q1, so, q2, so, qo, &me), KernelStatus::kOk);
  mul_s8(mb, a.data(), b.data(), rb.data());
  mul_s8(me, ea.data(), eb.data(), re.data());
  EXPECT_EQ(rb, re);
  AddParams bad{};
  EXPECT_EQ(add_s8_prepare(FusedActivation::kNone, {1, 1, 1, 3}, q1, {1, 1, 1, 4}, q2, {1, 1, 1, 4}, qo, &bad),
            KernelStatus::kBadShape);
}

TEST(Elementwise, FloatReferenceWithinOneLsb) {
  std::mt19937 rng(31);
  for (int iter = 0; iter < 50; ++iter) {
    const int32_t n = 200;
    const QuantParams q1{test::uniform_float(rng, 0.01f, 0.1f), test::uniform_int(rng, -128, 127)};
    const QuantParams q2{test::uniform_float(rng, 0.01f, 0.1f), test::uniform_int(rng, -128, 127)};
    const QuantParams qa{test::uniform_float(rng, 0.02f, 0.2f), test::uniform_int(rng, -30, 30)};
    const QuantParams qm{test::uniform_float(rng, 0.01f, 0.3f), test::uniform_int(rng, -30, 30)};
    const auto a = test::random_s8(rng, n);
    const auto b = test::random_s8(rng, n);
    AddParams pa{};
    MulParams pm{};
    ASSERT_EQ(add_s8_prepare(FusedActivation::kNone, {1, 1, 1, n}, q1, {1, 1, 1, n}, q2, {1, 1, 1, n}, qa, &pa),
              KernelStatus::kOk);
    ASSERT_EQ(mul_s8_prepare(FusedActivation::kNone, {1, 1, 1, n}, q1, {1, 1, 1, n}, q2, {1, 1, 1, n}, qm, &pm),
              KernelStatus::kOk);
    std::vector<int8_t> ga(n), gm(n);
    add_s8(pa, a.data(), b.data(), ga.data());
    mul_s8(pm, a.data(), b.data(), gm.data());
    std::vector<int32_t> wa(n), wm(n);
    for (int32_t i = 0; i < n; ++i) {
      const double ra = static_cast<double>(q1.scale) * (a[i] - q1.zero_point);
      const double rb = static_cast<double>(q2.scale) * (b[i] - q2.zero_point);
      wa[i] = test::quantize_real(ra + rb, qa.scale, qa.zero_point);
      wm[i] = test::quantize_real(ra * rb, qm.scale, qm.zero_point);
    }
    EXPECT_LE(test::max_abs_diff(ga, wa), 1) << "iteration " << iter;
    EXPECT_LE(test::max_abs_diff(gm, wm), 1) << "iteration " << iter;
  }
}

}  // namespace
}  // namespace tinyrt
