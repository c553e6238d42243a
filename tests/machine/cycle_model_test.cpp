// Block costs from the per-core tables, decoded once and cached.
#include <gtest/gtest.h>

#include "cost/cycle_model.h"

namespace tinysim {
namespace {

// adds r0, r0, r1 ; ldr r2, [r3] ; str r2, [r3, #4] ; bne .-6  (Thumb-1)
const uint8_t kLoop[] = {0x40, 0x18, 0x1a, 0x68, 0x5a, 0x60, 0xfa, 0xd1};
// push {r4, r5, lr} ; pop {r4, r5, pc}
const uint8_t kPushPop[] = {0x30, 0xb5, 0x30, 0xbd};
// sdiv r0, r1, r2 (Thumb-2)
const uint8_t kDiv[] = {0x91, 0xfb, 0xf2, 0xf0};

TEST(CycleModel, CountsEachClassOnM4) {
  CycleModel m4(CoreKind::CortexM4);
  const BlockCost loop = m4.cost_of(0x1000, kLoop, sizeof kLoop);
  EXPECT_EQ(loop.instructions, 4u);
  EXPECT_EQ(loop.cycles, 1u + 2u + 2u + 1u);  // alu + load + store + branch not taken
  EXPECT_EQ(loop.conditional_exit, 1u);
  EXPECT_EQ(loop.taken_penalty, 2u);
  const BlockCost calls = m4.cost_of(0x1000, kPushPop, sizeof kPushPop);
  EXPECT_EQ(calls.cycles, (1u + 3u) + (1u + 3u + 2u));  // push 1+N, pop 1+N+P
  EXPECT_EQ(calls.conditional_exit, 0u);
  EXPECT_EQ(m4.cost_of(0x1000, kDiv, sizeof kDiv).cycles, 7u);
}

TEST(CycleModel, DiffersPerCore) {
  CycleModel m0(CoreKind::CortexM0Plus), m7(CoreKind::CortexM7);
  EXPECT_EQ(m0.cost_of(0x1000, kLoop, sizeof kLoop).cycles, 6u);
  EXPECT_EQ(m0.cost_of(0x1000, kLoop, sizeof kLoop).taken_penalty, 1u);
  EXPECT_EQ(m7.cost_of(0x1000, kLoop, sizeof kLoop).cycles, 4u);
}

TEST(CycleModel, CachesByAddressAndSize) {
  CycleModel m4(CoreKind::CortexM4);
  m4.add_code_region(0x08000000, 0x1000);
  EXPECT_EQ(m4.cached(0x08000010, sizeof kLoop), nullptr);
  const BlockCost& decoded = m4.decode(0x08000010, kLoop, sizeof kLoop);
  const BlockCost* hit = m4.cached(0x08000010, sizeof kLoop);
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit, &decoded);
  EXPECT_EQ(hit->cycles, 6u);
  EXPECT_EQ(m4.cached(0x08000010, 6), nullptr);  // same start, other size: decode again
  EXPECT_EQ(m4.cached(0x20000000, sizeof kLoop), nullptr);
}

}  // namespace
}  // namespace tinysim
