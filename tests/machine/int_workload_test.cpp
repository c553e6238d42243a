// The CoreMark-like integer workload (tests/firmware/int_workload, timed by
// bench_int_workload) computes the same checksum on every core, and the same as the
// host build of the same C file: the emulated cores run it correctly. Timing is
// the benchmark's job, not this test's.
#include <sstream>

#include "../firmware/int_workload/workload.h"
#include "machine_fixture.h"

namespace tinysim::test {
namespace {

struct Printed {
  uint32_t iterations = 0;
  uint32_t checksum = 0;
};

Printed run_workload(const std::string& device_name) {
  Bench bench("int_workload", device_name);
  const RunResult r = bench.run();
  EXPECT_EQ(r.reason, StopReason::Exited) << describe(r);
  std::istringstream line(r.console);
  std::string name, iterations_word, cycles_word, checksum_word;
  uint64_t cycles = 0;
  Printed p;
  line >> name >> iterations_word >> p.iterations >> cycles_word >> cycles >> checksum_word >> std::hex >> p.checksum;
  EXPECT_TRUE(line && name == "int_workload" && checksum_word == "checksum") << r.console;
  EXPECT_GT(cycles, 0u) << r.console;
  return p;
}

TEST(IntWorkload, SameChecksumOnEveryCoreAsOnTheHost) {
  const Printed m0plus = run_workload("samd21g18");
  ASSERT_EQ(m0plus.iterations, 50u);
  // The firmware runs one warm-up iteration, then the timed ones, from WORKLOAD_SEED.
  const uint16_t host = workload_run(WORKLOAD_SEED, m0plus.iterations + 1u);
  EXPECT_EQ(m0plus.checksum, host);
  for (const char* device_name : {"mps2-an385", "stm32l4r5zi", "stm32f746ng", "stm32u585ai"}) {
    const Printed p = run_workload(device_name);
    EXPECT_EQ(p.iterations, m0plus.iterations) << device_name;
    EXPECT_EQ(p.checksum, host) << device_name;
  }
}

TEST(IntWorkload, ChecksumDependsOnEveryIteration) {
  // Chained iterations: a different seed or count gives a different checksum.
  EXPECT_NE(workload_run(WORKLOAD_SEED, 51), workload_run(WORKLOAD_SEED, 50));
  EXPECT_NE(workload_run(WORKLOAD_SEED, 51), workload_run(WORKLOAD_SEED + 1u, 51));
}

}  // namespace
}  // namespace tinysim::test
