// Semihosting: console output on stdout/stderr handles, time from the simulated
// clock, a refused file open, and the exit code.
#include "machine_fixture.h"

namespace tinysim::test {
namespace {

class Semihost : public ::testing::TestWithParam<const char*> {};

TEST_P(Semihost, EveryCallBehaves) {
  Bench bench("semihost", GetParam());
  const RunResult r = bench.run();
  ASSERT_EQ(r.reason, StopReason::Exited) << describe(r);
  EXPECT_EQ(r.exit_code, 7) << r.console;
  const std::string clock = std::to_string(bench.dev.clock_hz);
  // Text before the numbers is exact; the elapsed count is checked against the run.
  const std::string head = "A\nwrite0 ok\nto stdout\nto stderr\nfile handle 0xffffffff\nelapsed ";
  ASSERT_EQ(r.console.substr(0, head.size()), head);
  const uint64_t elapsed = std::stoull(r.console.substr(head.size()));
  EXPECT_GT(elapsed, 1000u);
  EXPECT_LT(elapsed, r.cycles);
  EXPECT_NE(r.console.find(" hz " + clock + " clock 0\n"), std::string::npos) << r.console;
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0].rfind("SYS_OPEN of 'secret.txt' refused: firmware may not touch host files at pc 0x", 0), 0u)
      << r.notes[0];
}

INSTANTIATE_TEST_SUITE_P(Cores, Semihost, ::testing::Values("rp2040", "stm32l4r5zi", "stm32u585ai"));

}  // namespace
}  // namespace tinysim::test
