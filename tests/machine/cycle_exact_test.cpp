// The cycle model against counts derived by hand from Arm's TRM tables: the
// cycle_bench firmware reads DWT CYCCNT around each kernel body (kernels.S) and
// prints the differences; each must equal the derivation written next to it.
// Flash runs at a clock with zero wait states here (the TRM tables assume them).
#include <map>
#include <sstream>

#include "machine_fixture.h"

namespace tinysim::test {
namespace {

using Counts = std::map<std::string, uint32_t>;

/// Runs cycle_bench on `dev` and returns "kernel -> cycles" as the firmware printed.
Counts measure(Device dev) {
  dev.clock_hz = 8000000;  // zero flash wait states on every device
  Bench bench("cycle_bench", dev);
  const RunResult result = bench.run();
  EXPECT_EQ(result.reason, StopReason::Exited) << describe(result);
  Counts counts;
  std::istringstream lines(result.console);
  std::string name;
  uint32_t cycles = 0;
  while (lines >> name >> cycles) counts[name] = cycles;
  return counts;
}

/// The kernel's body alone: its reading minus the empty kernel's.
void expect_body(const Counts& counts, const std::string& kernel, uint32_t expected) {
  ASSERT_TRUE(counts.count(kernel)) << kernel << " missing";
  EXPECT_EQ(counts.at(kernel) - counts.at("empty"), expected) << kernel << " (empty: " << counts.at("empty") << ")";
}

// Cortex-M0+ TRM (Arm DDI 0484C) Table 3-1, P = 1.
TEST(CycleExact, CortexM0Plus) {
  const Counts c = measure(device("samd21g18"));
  ASSERT_TRUE(c.count("empty"));
  // Overhead: B 2 (taken) + LDR 2 + SUBS 1 + ADD SP 1 + POP {r4-r7,pc} 3+N = 8.
  EXPECT_EQ(c.at("empty"), 2u + 2u + 1u + 1u + 8u);
  expect_body(c, "alu", 8 * 1);              // ADDS EORS LSLS SUBS ORRS MVNS ANDS MOVS: 1 each
  expect_body(c, "loads", 4 * 2);            // LDR Rd,[SP,#imm] 2 each (no pipelining on the M0+)
  expect_body(c, "stores", 4 * 2);           // STR Rd,[SP,#imm] 2 each
  expect_body(c, "load_store", 2 + 2);       // LDR 2 + STR 2
  expect_body(c, "loop", 1 + 10 * (1 + 1) + 9 * 1);  // MOVS 1; 10 x (SUBS 1 + B<cond> 1); 9 taken: +P
  expect_body(c, "mul", 4 * 1);              // MULS 1 (SAMD21: single-cycle multiplier)
  expect_body(c, "call", 3 + (1 + 2) + 1 + (3 + 2));  // BL 3; PUSH {r4,lr} 1+N; MOVS 1; POP {r4,pc} 3+N
}

// Cortex-M4 TRM r0p1 (Arm DDI 0439B) Table 3-1 and section 3.3.2 Load/store timings; P = 2.
void expect_armv7m(const Counts& c, uint32_t mla) {
  ASSERT_TRUE(c.count("empty"));
  // Overhead: B 1+P + LDR 2 + SUBS 1 + ADD SP 1 + POP {r4-r7,pc} 1+N+P = 8.
  EXPECT_EQ(c.at("empty"), 3u + 2u + 1u + 1u + 8u);
  expect_body(c, "alu", 8 * 1);                       // data operations 1 each
  expect_body(c, "loads", 2 + 1 + 1 + 1);             // first LDR 2, each following LDR pipelined: 1
  expect_body(c, "stores", 4 * 1);                    // STR Rt,[Rn,#imm] "is always one cycle"
  expect_body(c, "load_store", 2 + 1);                // LDR 2; STR after it 1 (TRM example: 3 in all)
  expect_body(c, "loop", 1 + 10 * (1 + 1) + 9 * 2);   // MOVS 1; 10 x (SUBS 1 + B<cond> 1); 9 taken: +P
  expect_body(c, "mul", 4 * 1);                       // MUL 1
  expect_body(c, "call", (1 + 2) + (1 + 2) + 1 + (1 + 2 + 2));  // BL 1+P; PUSH 1+N; MOVS 1; POP 1+N+P
  expect_body(c, "address_interlock", 1 + 2 + 1);     // MOV 1; LDR 2 +1: its base was written just before
  expect_body(c, "mla", 4 * mla);
  // SDIV/UDIV "2 to 12": TinySim's rule 2 + ceil(quotient bits / 3), capped at 12.
  expect_body(c, "udiv_small", 1 + 1 + (2 + 2));      // 100 / 7: 7 - 3 + 1 = 5 quotient bits
  expect_body(c, "udiv_large", 1 + 1 + 12);           // 0xFFFFFFFF / 3: 31 bits, capped
}

TEST(CycleExact, CortexM3) {
  // No device in the library has an M3: the STM32L476RG's memory with an M3 core.
  Device dev = device("stm32l476rg");
  dev.core = CoreKind::CortexM3;
  dev.file.clear();
  const Counts c = measure(dev);
  expect_armv7m(c, 2);  // Cortex-M3 TRM (DDI 0337I) Table 3-1: MLA 2
  EXPECT_FALSE(c.count("smlad"));
}

TEST(CycleExact, CortexM4) {
  const Counts c = measure(device("stm32l476rg"));
  expect_armv7m(c, 1);  // Cortex-M4 TRM Table 3-1: MLA 1
  expect_body(c, "smlad", 4 * 1);  // SMLAD 1
}

TEST(CycleExact, CortexM33) {
  // Arm publishes no M33 table: TinySim prices it with the M4 figures (docs/accuracy.md).
  const Counts c = measure(device("stm32u585ai"));
  expect_armv7m(c, 1);
  expect_body(c, "smlad", 4 * 1);
}

TEST(CycleExact, CortexM7IsCoarse) {
  // Dual issue: pairs of ALU ops count once; loads/stores 1 (cache/TCM hits); P = 1.
  const Counts c = measure(device("stm32f746ng"));
  ASSERT_TRUE(c.count("empty"));
  expect_body(c, "alu", 8 / 2);
  expect_body(c, "loads", 4 * 1);
}

}  // namespace
}  // namespace tinysim::test
