#include "peripherals/profile_recorder.h"

#include <gtest/gtest.h>

#include "fake_bus.h"
#include "hal/tinysim_regs.h"

namespace tinysim {
namespace {

struct ProfileRig {
  ProfileRig() : bus(0x20000000, 64, 1000000), profile(log) { profile.attach(bus); }
  void mark(uint64_t cycle, uint32_t offset, uint32_t value) {
    bus.cycle = cycle;
    profile.write(offset, 4, value);
  }
  test::FakeBus bus;
  MisuseLog log;
  ProfileRecorder profile;
};

constexpr uint32_t kConv2d = 3;
constexpr uint32_t kFullyConnected = 9;

TEST(ProfileRecorder, PerOpAndPerInferenceCyclesAreExact) {
  ProfileRig rig;
  rig.mark(100, TS_PROFILE_INFER_BEGIN, 0);
  rig.mark(110, TS_PROFILE_OP_BEGIN, (kConv2d << 16) | 0);
  rig.mark(350, TS_PROFILE_OP_END, 0);
  rig.mark(360, TS_PROFILE_OP_BEGIN, (kFullyConnected << 16) | 1);
  rig.mark(400, TS_PROFILE_OP_END, 1);
  rig.mark(420, TS_PROFILE_INFER_END, 0);
  rig.mark(1000, TS_PROFILE_INFER_BEGIN, 1);
  rig.mark(1001, TS_PROFILE_OP_BEGIN, (kConv2d << 16) | 0);
  rig.mark(1201, TS_PROFILE_OP_END, 0);
  rig.mark(1201, TS_PROFILE_OP_BEGIN, (kFullyConnected << 16) | 1);
  rig.mark(1251, TS_PROFILE_OP_END, 1);
  rig.mark(1260, TS_PROFILE_INFER_END, 1);

  const auto& inferences = rig.profile.inferences();
  ASSERT_EQ(inferences.size(), 2u);
  EXPECT_EQ(inferences[0].number, 0u);
  EXPECT_EQ(inferences[0].cycles(), 320u);
  ASSERT_EQ(inferences[0].ops.size(), 2u);
  EXPECT_EQ(inferences[0].ops[0].op_code, kConv2d);
  EXPECT_EQ(inferences[0].ops[0].index, 0u);
  EXPECT_EQ(inferences[0].ops[0].cycles(), 240u);
  EXPECT_EQ(inferences[0].ops[1].op_code, kFullyConnected);
  EXPECT_EQ(inferences[0].ops[1].cycles(), 40u);
  EXPECT_EQ(inferences[1].cycles(), 260u);

  const auto per_op = rig.profile.per_op();
  ASSERT_EQ(per_op.size(), 2u);
  EXPECT_EQ(per_op[0].index, 0u);
  EXPECT_EQ(per_op[0].op_code, kConv2d);
  EXPECT_EQ(per_op[0].runs, 2u);
  EXPECT_EQ(per_op[0].total_cycles, 440u);
  EXPECT_EQ(per_op[0].min_cycles, 200u);
  EXPECT_EQ(per_op[0].max_cycles, 240u);
  EXPECT_EQ(per_op[1].total_cycles, 90u);
  EXPECT_EQ(per_op[1].min_cycles, 40u);
  EXPECT_EQ(per_op[1].max_cycles, 50u);
  EXPECT_TRUE(rig.log.entries().empty());
}

TEST(ProfileRecorder, FeaturesAndArena) {
  ProfileRig rig;
  EXPECT_FALSE(rig.profile.arena().has_value());
  rig.mark(10, TS_PROFILE_FEATURES_BEGIN, 5);
  rig.mark(90, TS_PROFILE_FEATURES_END, 5);
  rig.mark(95, TS_PROFILE_ARENA_BASE, 0x20001000);
  rig.mark(96, TS_PROFILE_ARENA_PERSISTENT, 1200);
  rig.mark(97, TS_PROFILE_ARENA_ACTIVATIONS, 30000);
  rig.mark(98, TS_PROFILE_ARENA_SCRATCH, 512);
  ASSERT_EQ(rig.profile.features().size(), 1u);
  EXPECT_EQ(rig.profile.features()[0].window, 5u);
  EXPECT_EQ(rig.profile.features()[0].cycles(), 80u);
  ASSERT_TRUE(rig.profile.arena().has_value());
  EXPECT_EQ(rig.profile.arena()->base, 0x20001000u);
  EXPECT_EQ(rig.profile.arena()->total(), 31712u);
  EXPECT_EQ(rig.profile.read(TS_PROFILE_ARENA_SCRATCH, 4), 0u);  // write-only
  EXPECT_TRUE(rig.log.entries().empty());
}

TEST(ProfileRecorder, UnbalancedMarkersAreLogged) {
  ProfileRig rig;
  rig.mark(5, TS_PROFILE_OP_BEGIN, (kConv2d << 16) | 2);
  rig.mark(6, TS_PROFILE_INFER_END, 7);
  rig.mark(7, TS_PROFILE_INFER_BEGIN, 8);
  rig.mark(8, TS_PROFILE_OP_BEGIN, (kConv2d << 16) | 2);
  rig.mark(9, TS_PROFILE_OP_END, 3);
  rig.mark(10, TS_PROFILE_INFER_END, 8);
  ASSERT_EQ(rig.log.entries().size(), 4u);
  EXPECT_EQ(rig.log.entries()[0].message, "op 2 begins outside an inference (write INFER_BEGIN first)");
  EXPECT_EQ(rig.log.entries()[1].message, "end of inference 7 without its begin marker");
  EXPECT_EQ(rig.log.entries()[2].message, "end of op 3 without its begin marker");
  EXPECT_EQ(rig.log.entries()[3].message, "inference 8 ends while op 2 is still open; the op is dropped");
  ASSERT_EQ(rig.profile.inferences().size(), 1u);
  EXPECT_TRUE(rig.profile.inferences()[0].ops.empty());
  EXPECT_EQ(rig.profile.inferences()[0].cycles(), 3u);
}

}  // namespace
}  // namespace tinysim
