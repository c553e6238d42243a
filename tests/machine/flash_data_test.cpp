// Data reads from flash pay the wait states: the flash_data firmware sums a const
// table in flash and the same table copied to SRAM, and loads with LDM/LDRD/VLDM from
// flash, reading DWT CYCCNT around each body (tests/firmware/flash_data/kernels.S).
// The kernels run from SRAM, so only their data reads touch flash. Each expected
// count is the TRM figure of the body plus, per flash line the accelerator does not
// hold, the device's wait states at its default clock, derived next to it.
#include <map>
#include <sstream>

#include "machine_fixture.h"

namespace tinysim::test {
namespace {

struct Reading {
  uint32_t body = 0;    ///< the kernel's cycles minus the empty kernel's
  uint32_t result = 0;  ///< what the body summed or loaded (r4)
};
using Readings = std::map<std::string, Reading>;

Readings measure(const Device& dev) {
  Bench bench("flash_data", dev);
  const RunResult result = bench.run();
  EXPECT_EQ(result.reason, StopReason::Exited) << describe(result);
  std::map<std::string, Reading> raw;
  std::istringstream lines(result.console);
  std::string name;
  Reading r;
  while (lines >> name >> r.body >> r.result) raw[name] = r;
  EXPECT_TRUE(raw.count("empty")) << result.console;
  Readings out;
  for (const auto& [kernel, reading] : raw)
    if (kernel != "empty") out[kernel] = {reading.body - raw["empty"].body, reading.result};
  return out;
}

// The word-sum loop, per iteration: LDR 2 + ADDS 1 + ADDS 1 + CMP 1 + B<cond> 1, the
// branch taken 7 of 8 times (+P).
constexpr uint32_t sum_loop(uint32_t p) { return 8 * 6 + 7 * p; }

TEST(FlashData, CortexM4PaysFourWaitStatesPerLineTheArtDataCacheMisses) {
  // STM32L476RG at 80 MHz: 4 wait states (RM0351 Table 11); the ART data cache holds
  // 8-byte lines (devices/stm32l476rg.yaml). Cortex-M4 TRM Table 3-1, P = 2.
  const Readings r = measure(device("stm32l476rg"));
  ASSERT_EQ(r.size(), 7u);
  EXPECT_EQ(r.at("sram_sum").body, sum_loop(2));                  // SRAM: zero wait states, 62
  EXPECT_EQ(r.at("flash_sum").body, sum_loop(2) + 4 * 4);         // 32 bytes = 4 lines, each missed once
  EXPECT_EQ(r.at("alias_sum").body, sum_loop(2) + 4 * 4);         // the same through the boot alias at 0
  EXPECT_EQ(r.at("alias_sum").result, 36u);
  // Twice over a fresh table: the second pass finds the 4 lines in the data cache.
  // MOVS 1 between, and the first LDR waits 1 for r2 that MOVS just wrote (TRM 3.3.2).
  EXPECT_EQ(r.at("flash_twice").body, sum_loop(2) + 1 + 1 + sum_loop(2) + 4 * 4);
  EXPECT_EQ(r.at("flash_ldm").body, (1 + 4) + 2 * 4);             // LDM 1+N, 16 bytes = 2 lines
  EXPECT_EQ(r.at("flash_ldrd").body, 3 + 1 * 4);                   // LDRD 3, 8 bytes at +8 = 1 line
  EXPECT_EQ(r.at("flash_vldm").body, (1 + 4) + 2 * 4);            // VLDM 1+N, 2 lines
  EXPECT_EQ(r.at("flash_sum").result, 36u);                        // 1 + 2 + ... + 8
  EXPECT_EQ(r.at("sram_sum").result, 36u);
  EXPECT_EQ(r.at("flash_twice").result, 72u);
  EXPECT_EQ(r.at("flash_ldm").result, 1u);
  EXPECT_EQ(r.at("flash_ldrd").result, 3u);
}

TEST(FlashData, CortexM0PlusHasOnlyALineBufferForData) {
  // SAMD21G18 at 48 MHz: 1 wait state (DS40001882 Table 37-42); the NVMCTRL cache is for
  // instructions, data reads keep only the last 8-byte line. Cortex-M0+ TRM Table 3-1, P = 1.
  const Readings r = measure(device("samd21g18"));
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r.at("sram_sum").body, sum_loop(1));                  // 55
  EXPECT_EQ(r.at("flash_sum").body, sum_loop(1) + 4 * 1);         // the second word of each line is buffered
  // The second pass misses again: the buffer only holds the last line. MOVS 1 between.
  EXPECT_EQ(r.at("flash_twice").body, sum_loop(1) + 1 + sum_loop(1) + 4 * 1 + 4 * 1);
  EXPECT_EQ(r.at("flash_ldm").body, (1 + 4) + 2 * 1);
  EXPECT_EQ(r.at("flash_sum").result, 36u);
  EXPECT_EQ(r.at("flash_ldm").result, 1u);
}

TEST(FlashData, CortexM33ReadsSixteenByteLines) {
  // STM32U585AI at 160 MHz: 4 wait states, 16-byte lines (devices/stm32u585ai.yaml);
  // the M33 is priced with the M4 figures (docs/accuracy.md).
  const Readings r = measure(device("stm32u585ai"));
  ASSERT_EQ(r.size(), 6u);
  EXPECT_EQ(r.at("sram_sum").body, sum_loop(2));
  EXPECT_EQ(r.at("flash_sum").body, sum_loop(2) + 2 * 4);         // 32 bytes = 2 lines
  EXPECT_EQ(r.at("flash_twice").body, sum_loop(2) + 1 + 1 + sum_loop(2) + 2 * 4);
  EXPECT_EQ(r.at("flash_ldm").body, (1 + 4) + 1 * 4);
  EXPECT_EQ(r.at("flash_ldrd").body, 3 + 1 * 4);
  EXPECT_EQ(r.at("flash_vldm").body, (1 + 4) + 1 * 4);
}

TEST(FlashData, NoWaitStatesNoCharge) {
  // At 16 MHz the STM32L476RG reads flash with zero wait states: flash and SRAM sums cost the same.
  Device dev = device("stm32l476rg");
  dev.clock_hz = 16000000;
  const Readings r = measure(dev);
  ASSERT_EQ(r.size(), 7u);
  EXPECT_EQ(r.at("flash_sum").body, sum_loop(2));
  EXPECT_EQ(r.at("alias_sum").body, sum_loop(2));
  EXPECT_EQ(r.at("flash_ldm").body, 1u + 4u);
}

}  // namespace
}  // namespace tinysim::test
