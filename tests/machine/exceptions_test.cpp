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

// FP state in exception frames (tests/firmware/fp_frames): the firmware prints what
// its handlers saw in the stacked frames and returns the number of failed checks.
class FpFrames : public ::testing::TestWithParam<const char*> {};

TEST_P(FpFrames, ExtendedFrameOnTheStackAsTheArchitectureDefinesIt) {
  Bench bench("fp_frames", GetParam());
  const RunResult r = bench.run();
  ASSERT_EQ(r.reason, StopReason::Exited) << describe(r);
  // s0 = 1.5f and FPSCR.RMode = +inf stacked; the handler (FPSCR = FPDSCR = 0) writes
  // 2.5f and RMode = -inf into the frame, and the thread has them after the return.
  const std::string extended =
      " stacked s0 0x3fc00000\n stacked fpscr 0x00400000\n handler fpscr 0x00000000\n"
      " thread s0 0x40200000\n thread fpscr 0x00800000\n frame bytes 0x00000068\n";
  EXPECT_EQ(r.console,
            "svc, no FP context\n exc_return 0xfffffff9\n frame bytes 0x00000020\n"
            "svc, lazy stacking\n exc_return 0xffffffe9\n" + extended + " fpcar - frame 0x00000020\n"
            "systick, immediate stacking\n exc_return 0xffffffe9\n" + extended + " fpcar 0x00000000\n"
            "svc on the process stack\n exc_return 0xffffffed\n" + extended + " frame on the process stack 0x00000001\n"
            "pendsv preempting an svc handler with an FP context\n exc_return 0xffffffe1\n"
            " stacked s0 0x41200000\n svc handler s0 0x41300000\n"
            "cycles\n lazy - basic 0x00000000\n immediate - lazy 0x00000022\n");
  EXPECT_EQ(r.exit_code, 0);  // the number of failed checks
  EXPECT_EQ(r.exceptions_taken, 12u);
}

INSTANTIATE_TEST_SUITE_P(FpuCores, FpFrames, ::testing::Values("stm32l476rg", "stm32f746ng", "stm32u585ai"));

}  // namespace
}  // namespace tinysim::test
