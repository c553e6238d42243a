// Exception entry and return done by the host: SVC, PendSV and an NVIC IRQ run
// their handlers in order and the interrupted code's registers survive.
#include "machine_fixture.h"

namespace tinysim::test {
namespace {

class Exceptions : public ::testing::TestWithParam<const char*> {};

TEST_P(Exceptions, HandlersRunAndReturn) {
  Bench bench("interrupts", GetParam());
  const RunResult r = bench.run();
  ASSERT_EQ(r.reason, StopReason::Exited) << describe(r);
  EXPECT_EQ(r.console, "order 123 sum 44\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.exceptions_taken, 3u);
}

TEST_P(Exceptions, RaiseIrqFromAPeripheralIsTaken) {
  Bench bench("interrupts", GetParam());
  ASSERT_TRUE(bench.machine);
  bench.machine->raise_irq(0);  // pending before reset, masked until main enables it
  const RunResult r = bench.run();
  ASSERT_EQ(r.reason, StopReason::Exited) << describe(r);
  // IRQ 0 is already pending when main enables it: it runs then, and again when re-pended.
  EXPECT_EQ(r.console, "order 1233 sum 44\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.exceptions_taken, 4u);
}

TEST_P(Exceptions, ThreadModeOnTheProcessStack) {
  Bench bench("process_stack", GetParam());
  const RunResult r = bench.run();
  ASSERT_EQ(r.reason, StopReason::Exited) << describe(r);
  EXPECT_EQ(r.console, "exc_return 0xfffffffd\nresult 42\ncontrol 2\n");
  EXPECT_EQ(r.exit_code, 0);  // the number of failed checks the firmware made
  EXPECT_EQ(r.exceptions_taken, 1u);
}

INSTANTIATE_TEST_SUITE_P(Cores, Exceptions, ::testing::Values("rp2040", "stm32l476rg", "stm32f746ng", "stm32u585ai"));

}  // namespace
}  // namespace tinysim::test
