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
  // Cortex-M4 TRM r0p1 Table 3-1 / 3.3.2: ADDS 1 + LDR 2 + STR [Rn,#imm] 1 + B<cond> not taken 1.
  EXPECT_EQ(loop.cycles, 1u + 2u + 1u + 1u);
  EXPECT_EQ(unsigned{loop.conditional_exit}, 1u);
  EXPECT_EQ(loop.taken_penalty, 2u);
  const BlockCost calls = m4.cost_of(0x1000, kPushPop, sizeof kPushPop);
  EXPECT_EQ(calls.cycles, (1u + 3u) + (1u + 3u + 2u));  // push 1+N, pop 1+N+P
  EXPECT_EQ(unsigned{calls.conditional_exit}, 0u);
  // SDIV 2-12: the block holds the fastest case, the machine's divide hook adds the rest.
  EXPECT_EQ(m4.cost_of(0x1000, kDiv, sizeof kDiv).cycles, 2u);
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
  EXPECT_EQ(hit->cycles, 5u);
  EXPECT_EQ(m4.cached(0x08000010, 6), nullptr);  // same start, other size: decode again
  EXPECT_EQ(m4.cached(0x20000000, sizeof kLoop), nullptr);
}

// ldr r0, [r1] ; ldr r2, [r3] ; ldr r4, [r0]  (the third uses the first's result: still pipelined,
// only the previous LDR's destination blocks it) ; str r4, [r5, r6]
const uint8_t kLoads[] = {0x08, 0x68, 0x1a, 0x68, 0x04, 0x68, 0xac, 0x51};
// adds r1, r1, #4 ; ldr r0, [r1]  (address computed by the instruction just before)
const uint8_t kInterlock[] = {0x09, 0x1d, 0x08, 0x68};
// muls r0, r1, r0
const uint8_t kMuls[] = {0x48, 0x43};

TEST(CycleModel, PipelinesNeighbouringLoadsOnArmv7M) {
  // Cortex-M4 TRM r0p1 section 3.3.2 "Load/store timings": an LDR/STR after an LDR costs one
  // cycle less unless its address uses that LDR's destination: 2 + 1 + 1 + (STR [Rn,Rm] 2 - 1).
  CycleModel m4(CoreKind::CortexM4), m0(CoreKind::CortexM0Plus);
  EXPECT_EQ(m4.cost_of(0x1000, kLoads, sizeof kLoads).cycles, 2u + 1u + 1u + 1u);
  EXPECT_EQ(m0.cost_of(0x1000, kLoads, sizeof kLoads).cycles, 2u * 4u);  // M0+: no pipelining
}

TEST(CycleModel, StallsAnAddressComputedJustBefore) {
  CycleModel m3(CoreKind::CortexM3), m0(CoreKind::CortexM0Plus);
  EXPECT_EQ(m3.cost_of(0x1000, kInterlock, sizeof kInterlock).cycles, 1u + 2u + 1u);
  EXPECT_EQ(m0.cost_of(0x1000, kInterlock, sizeof kInterlock).cycles, 1u + 2u);
}

TEST(CycleModel, M0PlusMultiplierIsADeviceOption) {
  CycleModel fast(CoreKind::CortexM0Plus), small(CoreKind::CortexM0Plus, CoreOptions{true});
  EXPECT_EQ(fast.cost_of(0x1000, kMuls, sizeof kMuls).cycles, 1u);
  EXPECT_EQ(small.cost_of(0x1000, kMuls, sizeof kMuls).cycles, 32u);  // DDI 0484C Table 3-1 note a
}

TEST(CycleModel, DivideTimeGrowsWithTheQuotient) {
  const CoreTiming& m4 = core_timing(CoreKind::CortexM4);
  EXPECT_EQ(divide_cycles(m4, 0, false), 2u);                  // 5 / 7 or by zero: quotient 0
  EXPECT_EQ(divide_cycles(m4, 14, false), 2u + 2u);            // 100 / 7: 4 quotient bits
  EXPECT_EQ(divide_cycles(m4, 0x55555555u, false), 12u);       // 0xFFFFFFFF / 3: 31 bits, capped at 12
  EXPECT_EQ(divide_cycles(m4, static_cast<uint32_t>(-14), true), 4u);  // signed: its magnitude
  EXPECT_EQ(divide_cycles(m4, static_cast<uint32_t>(-14), false), 12u);
}

TEST(CycleModel, MarksTheQuotientRegisterOfADivide) {
  // sdiv r0, r1, r2 ; adds r3, r3, r1  -> the quotient is still in r0 at the block's end
  const uint8_t kept[] = {0x91, 0xfb, 0xf2, 0xf0, 0x5b, 0x18};
  // udiv r3, r4, r5 ; adds r3, r3, r1  -> overwritten: only the fastest case is charged
  const uint8_t lost[] = {0xb4, 0xfb, 0xf5, 0xf3, 0x5b, 0x18};
  CycleModel m4(CoreKind::CortexM4);
  const BlockCost k = m4.cost_of(0x100, kept, sizeof kept);
  EXPECT_EQ(k.divide_reg, 1u);  // r0 + 1
  EXPECT_EQ(unsigned{k.divide_signed}, 1u);
  EXPECT_EQ(m4.cost_of(0x100, lost, sizeof lost).divide_reg, 0u);
}

}  // namespace
}  // namespace tinysim
