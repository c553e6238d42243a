// The issue-2 smoke test: the smoke firmware prints and exits 42 on every core.
#include "machine_fixture.h"

namespace tinysim::test {
namespace {

class Smoke : public ::testing::TestWithParam<const char*> {};

TEST_P(Smoke, PrintsAndExitsWith42) {
  Bench bench("smoke", GetParam());
  const RunResult r = bench.run();
  EXPECT_EQ(r.reason, StopReason::Exited) << describe(r);
  EXPECT_EQ(r.exit_code, 42);
  EXPECT_EQ(r.console, "smoke: hello from TinySim\n");
  EXPECT_GT(r.instructions, 20u);
  EXPECT_GE(r.cycles, r.instructions);  // every instruction costs at least a cycle
  EXPECT_EQ(r.power.size(), 1u);
  EXPECT_EQ(r.run_cycles, r.cycles);
  EXPECT_GT(r.stack_high_water, 0u);
  EXPECT_LT(r.stack_high_water, 1024u);
}

INSTANTIATE_TEST_SUITE_P(Devices, Smoke,
                         ::testing::Values("samd21g18", "rp2040", "nrf52840", "stm32l476rg", "stm32f746ng",
                                           "stm32u585ai", "apollo3"));

TEST(Smoke, SameRunGivesSameCycles) {
  Bench a("smoke", "nrf52840");
  Bench b("smoke", "nrf52840");
  const RunResult ra = a.run(), rb = b.run();
  EXPECT_EQ(ra.cycles, rb.cycles);
  EXPECT_EQ(ra.instructions, rb.instructions);
}

TEST(Smoke, TraceKeepsTheLastBlocksOldestFirst) {
  Bench all("smoke", "nrf52840"), last("smoke", "nrf52840");
  all.machine->enable_trace(1u << 20);
  last.machine->enable_trace(16);
  all.run();
  last.run();
  const std::vector<TraceLine> everything = all.machine->trace();
  ASSERT_EQ(everything.size(), all.machine->traced_blocks());
  ASSERT_GT(everything.size(), 16u);
  EXPECT_EQ(last.machine->traced_blocks(), everything.size());
  const std::vector<TraceLine> tail = last.machine->trace();
  ASSERT_EQ(tail.size(), 16u);
  for (size_t i = 0; i < tail.size(); ++i) {
    const TraceLine& expected = everything[everything.size() - 16 + i];
    EXPECT_EQ(tail[i].cycle, expected.cycle) << i;
    EXPECT_EQ(tail[i].pc, expected.pc) << i;
  }
}

}  // namespace
}  // namespace tinysim::test
