// CCR.UNALIGN_TRP: unaligned LDR/STR/LDRH/STRH work while it is clear and take a
// UsageFault UNALIGNED once firmware sets it (tests/firmware/unaligned_trap).
#include <cstdio>

#include "machine_fixture.h"

namespace tinysim::test {
namespace {

/// Runs `unaligned_trap` on the device with `mode` written into its flash constant.
RunResult run_mode(const Device& dev, uint32_t mode) {
  Bench bench("unaligned_trap", dev);
  if (!bench.machine) return {};
  auto at = bench.machine->firmware().symbols.address_of("trap_mode");
  EXPECT_TRUE(at.has_value());
  if (!at || !bench.machine->write_memory(*at, &mode, 4)) return {};
  return bench.run();
}
RunResult run_mode(const std::string& device_name, uint32_t mode) { return run_mode(device(device_name), mode); }

std::string hex(uint32_t value) {
  char text[12];
  std::snprintf(text, sizeof text, "0x%08x", value);
  return text;
}

/// What the firmware prints before its mode's access: the bit clear, then set.
const std::string kBeforeTheTrap =
    "ccr 0x00000200\nunaligned read 0x88112233\nccr 0x00000208\nhalfword read 0x00001122\n";

class UnalignTrap : public ::testing::TestWithParam<const char*> {};

TEST_P(UnalignTrap, UnalignedWordReadFaultsOnceTheBitIsSet) {
  const RunResult r = run_mode(GetParam(), 0);
  ASSERT_TRUE(r.fault) << describe(r);
  EXPECT_EQ(r.console, kBeforeTheTrap);
  EXPECT_EQ(r.fault->kind, FaultKind::UsageFault);
  const std::string core = core_name(device(GetParam()).core);
  EXPECT_EQ(r.fault->address % 4u, 1u);  // words + 1
  EXPECT_EQ(r.fault->size, 4u);
  EXPECT_TRUE(r.fault->pc_exact);
  EXPECT_EQ(r.fault->function, "load_word");  // its first instruction
  EXPECT_EQ(r.fault->message, "unaligned read of 4 bytes from " + hex(r.fault->address) + " by 'ldr r0, [r0]' (" +
                                  core + " faults on an unaligned LDR/STR and LDRH/STRH because CCR.UNALIGN_TRP is "
                                  "set: UsageFault UNALIGNED, Armv7-M ARM A3.2.1 and B3.2.8) at pc " +
                                  hex(r.fault->pc) + " in load_word");
}

TEST_P(UnalignTrap, UnalignedHalfwordWriteFaultsOnceTheBitIsSet) {
  const RunResult r = run_mode(GetParam(), 1);
  ASSERT_TRUE(r.fault) << describe(r);
  EXPECT_EQ(r.console, kBeforeTheTrap);
  EXPECT_EQ(r.fault->address % 4u, 3u);  // words + 3
  EXPECT_EQ(r.fault->size, 2u);
  EXPECT_EQ(r.fault->function, "store_halfword");
  EXPECT_EQ(r.fault->message.substr(0, r.fault->message.find(" (")),
            "unaligned write of 2 bytes to " + hex(r.fault->address) + " by 'strh r1, [r0]'");
}

TEST_P(UnalignTrap, ClearingTheBitAgainLetsUnalignedAccessesThrough) {
  const RunResult r = run_mode(GetParam(), 2);
  EXPECT_EQ(r.reason, StopReason::Exited) << describe(r);
  EXPECT_EQ(r.exit_code, 0) << r.console;
  EXPECT_EQ(r.console, kBeforeTheTrap + "ccr 0x00000200\nread again 0xbeef2233\n");
}

INSTANTIATE_TEST_SUITE_P(Cores, UnalignTrap, ::testing::Values("stm32l476rg", "stm32u585ai", "stm32f746ng"));

TEST(UnalignTrap, OnCortexM3) {
  // No device in the library has an M3: the STM32L476RG's memory with an M3 core.
  Device dev = device("stm32l476rg");
  dev.core = CoreKind::CortexM3;
  dev.file.clear();
  const RunResult r = run_mode(dev, 0);
  ASSERT_TRUE(r.fault) << describe(r);
  EXPECT_EQ(r.console, kBeforeTheTrap);
  EXPECT_EQ(r.fault->function, "load_word");
  EXPECT_NE(r.fault->message.find("(cortex-m3 faults on an unaligned LDR/STR and LDRH/STRH because CCR.UNALIGN_TRP"),
            std::string::npos) << r.fault->message;
}

TEST(UnalignTrap, OnArmv6MCcrReadsTheBitSetAndEveryUnalignedAccessFaults) {
  const RunResult r = run_mode("samd21g18", 2);
  ASSERT_TRUE(r.fault) << describe(r);
  EXPECT_EQ(r.console, "ccr 0x00000208\n");  // read-only: STKALIGN and UNALIGN_TRP read as one
  EXPECT_EQ(r.fault->function, "load_word");
  EXPECT_NE(r.fault->message.find("(cortex-m0plus is Armv6-M: every unaligned access is a HardFault)"),
            std::string::npos) << r.fault->message;
}

}  // namespace
}  // namespace tinysim::test
