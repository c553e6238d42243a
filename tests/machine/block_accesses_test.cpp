// Each block's loads and stores classified once at decode: what the machine reads
// at run time to price flash data reads and check alignment (cost/block_accesses.h).
#include <gtest/gtest.h>

#include "cost/cycle_model.h"

namespace tinysim {
namespace {

// At 0x1000 (Thumb-2, assembled with arm-none-eabi-as):
//   ldr r0, [pc, #8] ; ldr r5, [r1, r2] ; ldr.w r0, [r1], #4 ; ldr r2, [r1]
//   ldr r3, [r0] ; ldmia r3!, {r4, r5} ; add.w lr, r2, r3, lsl #3 ; stmia.w lr!, {r0-r3}
//   bl . ; push {r4, lr} ; ldrd r4, r5, [sp, #8] ; vadd.f32 s0, s0, s0
const uint8_t kBlock[] = {0x02, 0x48, 0x8d, 0x58, 0x51, 0xf8, 0x04, 0x0b, 0x0a, 0x68, 0x03, 0x68,
                          0x30, 0xcb, 0x02, 0xeb, 0xc3, 0x0e, 0xae, 0xe8, 0x0f, 0x00, 0xff, 0xf7,
                          0xfe, 0xff, 0x10, 0xb5, 0xdd, 0xe9, 0x02, 0x45, 0x30, 0xee, 0x00, 0x0a};

BlockAccesses decode(CoreKind core) {
  CycleModel model(core);
  BlockAccesses accesses;
  const BlockCost cost = model.cost_of(0x1000, kBlock, sizeof kBlock, &accesses);
  EXPECT_EQ(cost.checks, accesses.checks);
  return accesses;
}

void expect_access(const MemoryAccess& a, uint32_t pc, uint8_t base, int32_t offset, uint8_t bytes, uint8_t align,
                   bool at_exit) {
  EXPECT_EQ(a.pc, pc) << a.text;
  EXPECT_EQ(a.base, base) << a.text;
  EXPECT_EQ(a.offset, offset) << a.text;
  EXPECT_EQ(a.bytes, bytes) << a.text;
  EXPECT_EQ(a.align, align) << a.text;
  EXPECT_EQ(a.at_exit, at_exit) << a.text;
}

TEST(BlockAccesses, FollowsBasesThroughTheBlock) {
  const BlockAccesses b = decode(CoreKind::CortexM4);
  EXPECT_EQ(b.checks, kCheckAccesses | kCheckFpu | kCheckUnalignTrap);
  ASSERT_EQ(b.accesses.size(), 6u);
  constexpr uint8_t none = MemoryAccess::kNone;
  expect_access(b.accesses[0], 0x1000, none, 0x100c, 4, 1, false);  // literal: Align(PC + 4, 4) + 8, a fixed address
  expect_access(b.accesses[1], 0x1002, 1, 0, 4, 1, false);          // r1 + r2 as the block starts
  EXPECT_EQ(b.accesses[1].index, 2u);
  expect_access(b.accesses[2], 0x1004, 1, 0, 4, 1, false);          // post-indexed: r1, then r1 += 4
  expect_access(b.accesses[3], 0x1008, 1, 4, 4, 1, false);          // so this one is r1 (at entry) + 4
  // r0 and r3 were loaded in the block: known only at its end, if nothing writes them again.
  expect_access(b.accesses[4], 0x100a, 0, 0, 4, 1, true);
  expect_access(b.accesses[5], 0x100c, 3, -8, 8, 4, true);          // LDM r3!: r3 at the end minus the 8 it added
  EXPECT_EQ(b.accesses[5].text, "ldm r3!, {r4, r5}");
  // The word loads must also be aligned while CCR.UNALIGN_TRP is set; the LDM always.
  for (size_t i = 0; i < 5; ++i) EXPECT_EQ(b.accesses[i].trap_align, 4u) << b.accesses[i].text;
  EXPECT_EQ(b.accesses[5].trap_align, 1u);
  // Not recorded: the STM through LR (BL writes LR before the block ends), PUSH and
  // LDRD from SP (always aligned, never flash).
  EXPECT_TRUE(b.must_align);
  EXPECT_TRUE(b.has_exit);
  EXPECT_EQ(b.fpu_pc, 0x1020u);
  EXPECT_EQ(b.fpu_text, "vadd.f32 s0, s0, s0");
}

TEST(BlockAccesses, OnlyCoresThatFaultCheckAlignmentOnlyFpuCoresCheckCpacr) {
  const BlockAccesses m3 = decode(CoreKind::CortexM3);
  EXPECT_EQ(m3.checks, kCheckAccesses | kCheckUnalignTrap);  // no FPU on the M3
  EXPECT_TRUE(m3.must_align);
  // Armv6-M faults on every unaligned access: the machine's own hook checks those.
  const BlockAccesses m0 = decode(CoreKind::CortexM0Plus);
  EXPECT_FALSE(m0.must_align);
  EXPECT_EQ(m0.checks, kCheckAccesses);
}

// str r1, [r0, #4] ; strh r2, [r0, #2] ; strb r3, [r0] ; bx lr
const uint8_t kStores[] = {0x41, 0x60, 0x42, 0x80, 0x03, 0x70, 0x70, 0x47};

TEST(BlockAccesses, WordAndHalfwordStoresAreKeptForUnalignTrpOnly) {
  CycleModel m4(CoreKind::CortexM4);
  BlockAccesses b;
  EXPECT_EQ(m4.cost_of(0x1000, kStores, sizeof kStores, &b).checks, kCheckUnalignTrap);
  ASSERT_EQ(b.accesses.size(), 2u);  // not the byte store
  expect_access(b.accesses[0], 0x1000, 0, 4, 4, 1, false);
  EXPECT_EQ(b.accesses[0].trap_align, 4u);
  expect_access(b.accesses[1], 0x1002, 0, 2, 2, 1, false);
  EXPECT_EQ(b.accesses[1].trap_align, 2u);
  EXPECT_FALSE(b.accesses[1].load);
  CycleModel m0(CoreKind::CortexM0Plus);
  EXPECT_EQ(m0.cost_of(0x1000, kStores, sizeof kStores).checks, 0u);  // Armv6-M: the machine's own hook
}

TEST(BlockAccesses, UnalignTrpArmsTheCachedBlocksChecksOnlyWhileSet) {
  CycleModel model(CoreKind::CortexM4);
  model.add_code_region(0x1000, 0x100);
  EXPECT_EQ(model.decode(0x1000, kStores, sizeof kStores).checks, 0u);  // the hot path's "nothing to check"
  model.arm_unaligned_trap(true);
  EXPECT_EQ(model.cached(0x1000, sizeof kStores)->checks, kCheckUnalignTrap);
  EXPECT_EQ(model.decode(0x1000 + sizeof kStores, kStores, sizeof kStores).checks, kCheckUnalignTrap);
  model.arm_unaligned_trap(false);
  EXPECT_EQ(model.cached(0x1000, sizeof kStores)->checks, 0u);
  EXPECT_EQ(model.cached(0x1000 + sizeof kStores, sizeof kStores)->checks, 0u);
}

TEST(BlockAccesses, PushPopAndAluOnlyBlocksNeedNoChecks) {
  // push {r4, lr} ; adds r0, r0, r1 ; pop {r4, pc}
  const uint8_t code[] = {0x10, 0xb5, 0x40, 0x18, 0x10, 0xbd};
  CycleModel m4(CoreKind::CortexM4);
  EXPECT_EQ(m4.cost_of(0x1000, code, sizeof code).checks, 0u);
}

}  // namespace
}  // namespace tinysim
