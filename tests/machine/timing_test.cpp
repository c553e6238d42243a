// Simulated time: SysTick interrupts every 1000 modelled cycles, WFI/WFE skip
// sleep in one step (light and deep), DWT CYCCNT equals the model's count.
#include "machine_fixture.h"

namespace tinysim::test {
namespace {

class Timing : public ::testing::TestWithParam<const char*> {};

TEST_P(Timing, SysTickWakesWfiTenTimes) {
  Bench bench("systick", GetParam());
  const RunResult r = bench.run();
  ASSERT_EQ(r.reason, StopReason::Exited) << describe(r);
  EXPECT_EQ(r.exit_code, 10);
  EXPECT_EQ(r.console, "ticks 10\n");
  EXPECT_EQ(r.exceptions_taken, 10u);
  size_t sleeps = 0;
  for (const auto& change : r.power) sleeps += change.state == PowerState::Sleep;
  EXPECT_EQ(sleeps, 10u);
  EXPECT_EQ(r.deep_sleep_cycles, 0u);
  // Tick n fires 1000*n cycles after SysTick was enabled: most of the time is sleep.
  EXPECT_GT(r.sleep_cycles, 8000u);
  EXPECT_GE(r.cycles, 10000u);
  EXPECT_LT(r.cycles, 12000u);
  EXPECT_EQ(r.run_cycles + r.sleep_cycles, r.cycles);
}

TEST_P(Timing, DeepSleepIsSkippedInOneStep) {
  Bench bench("deep_sleep", GetParam());
  const RunResult r = bench.run();
  ASSERT_EQ(r.reason, StopReason::Exited) << describe(r);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_LT(r.instructions, 1000u);  // 16.7 M cycles of sleep were not emulated
  EXPECT_GT(r.deep_sleep_cycles, 0x00FFFFFFu - 200u);
  EXPECT_LE(r.deep_sleep_cycles, 0x01000000u);
  EXPECT_GT(r.sleep_cycles, 4500u);
  EXPECT_LE(r.sleep_cycles, 5000u);
  ASSERT_GE(r.power.size(), 5u);
  EXPECT_EQ(r.power[1].state, PowerState::DeepSleep);
  EXPECT_EQ(r.power[2].state, PowerState::Run);
  EXPECT_EQ(r.power[3].state, PowerState::Sleep);
  EXPECT_EQ(r.run_cycles + r.sleep_cycles + r.deep_sleep_cycles, r.cycles);
}

TEST_P(Timing, DwtCycleCounterIsTheModelledCount) {
  Bench bench("system_regs", GetParam());
  const RunResult r = bench.run();
  ASSERT_EQ(r.reason, StopReason::Exited) << describe(r);
  EXPECT_EQ(r.exit_code, 0) << r.console;
  unsigned cpuid = 0, vtor = 0, loop = 0, cyccnt = 0, elapsed = 0;
  ASSERT_EQ(std::sscanf(r.console.c_str(), "cpuid 0x%x vtor 0x%x\nloop %u cyccnt %u elapsed %u", &cpuid, &vtor, &loop,
                        &cyccnt, &elapsed),
            5)
      << r.console;
  EXPECT_EQ(vtor, bench.dev.boot_address());  // the boot alias on the STM32F746 (flash on ITCM)
  EXPECT_EQ(cyccnt, elapsed);  // CYCCNT and SYS_ELAPSED deltas, each pair read in one block
  EXPECT_GT(cyccnt, 30u);      // a print call lies between the two readings (M7: dual issue)
  EXPECT_GT(loop, 100u * 3u);  // a 100-iteration loop of several instructions
  EXPECT_LT(cyccnt, r.cycles);
  const uint32_t expected_cpuid = bench.dev.core == CoreKind::CortexM0Plus ? 0x410CC601u
                                  : bench.dev.core == CoreKind::CortexM4    ? 0x410FC241u
                                  : bench.dev.core == CoreKind::CortexM7    ? 0x411FC270u
                                                                            : 0x410FD214u;
  EXPECT_EQ(cpuid, expected_cpuid);
}

INSTANTIATE_TEST_SUITE_P(Cores, Timing, ::testing::Values("samd21g18", "nrf52840", "stm32f746ng", "stm32u585ai"));

}  // namespace
}  // namespace tinysim::test
