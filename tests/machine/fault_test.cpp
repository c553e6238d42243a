// Each fault class gives an actionable report: access, address, pc, function.
#include <cstdio>
#include <map>

#include "machine_fixture.h"

namespace tinysim::test {
namespace {

/// Runs the `faults` firmware with `mode` written into its flash constant.
RunResult run_mode(const std::string& device_name, uint32_t mode, const RunLimits& limits = {}) {
  Bench bench("faults", device_name);
  if (!bench.machine) return {};
  auto at = bench.machine->firmware().symbols.address_of("fault_mode");
  EXPECT_TRUE(at.has_value());
  if (!at || !bench.machine->write_memory(*at, &mode, 4)) return {};
  return bench.run(limits);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string hex(uint32_t value) {
  char text[12];
  std::snprintf(text, sizeof text, "0x%08x", value);
  return text;
}

class FaultsOnEveryCore : public ::testing::TestWithParam<const char*> {};

TEST_P(FaultsOnEveryCore, WritePastTheEndOfRam) {
  const Device dev = device(GetParam());
  const RunResult r = run_mode(GetParam(), 1);
  // The firmware's RAM is every adjacent SRAM bank from 0x2000 0000; the word after it
  // is unmapped, past its last bank (memory maps cited in each device file).
  const std::map<std::string, std::string> past_the_end = {
      {"samd21g18", "0x20008000, 4 bytes past the end of sram (32 KiB)"},       // 32 KiB
      {"stm32l476rg", "0x20020000, 4 bytes past the end of sram2 (32 KiB)"},    // SRAM1 96 + SRAM2 32 KiB
      {"stm32u585ai", "0x200c0000, 4 bytes past the end of sram3 (512 KiB)"},   // SRAM1-3, 768 KiB
      {"stm32f746ng", "0x20050000, 4 bytes past the end of sram2 (16 KiB)"}};   // DTCM+SRAM1+SRAM2, 320 KiB
  const uint32_t end = static_cast<uint32_t>(dev.main_ram()->end());
  ASSERT_TRUE(r.fault) << describe(r);
  EXPECT_EQ(r.fault->kind, FaultKind::UnmappedAccess);
  EXPECT_TRUE(contains(r.fault->message, "write of 4 bytes to " + past_the_end.at(GetParam()))) << r.fault->message;
  EXPECT_TRUE(r.fault->pc_exact) << r.fault->message;
  EXPECT_EQ(r.fault->function.rfind("write_past_ram", 0), 0u) << r.fault->message;
  EXPECT_EQ(r.fault->address, end);
  ASSERT_FALSE(r.fault->backtrace.empty()) << r.fault->message;
  EXPECT_EQ(r.fault->backtrace[0].rfind("main+", 0), 0u) << r.fault->describe();
  EXPECT_EQ(r.console, "mode 1\n");
}

TEST_P(FaultsOnEveryCore, ReadFromNowhere) {
  const RunResult r = run_mode(GetParam(), 2);
  ASSERT_TRUE(r.fault) << describe(r);
  EXPECT_EQ(r.fault->kind, FaultKind::UnmappedAccess);
  EXPECT_TRUE(contains(r.fault->message, "read of 4 bytes from 0x60000000, outside every memory region of"))
      << r.fault->message;
  EXPECT_EQ(r.fault->function.rfind("read_nowhere", 0), 0u) << r.fault->message;
}

TEST_P(FaultsOnEveryCore, WriteToFlash) {
  const RunResult r = run_mode(GetParam(), 3);
  ASSERT_TRUE(r.fault) << describe(r);
  EXPECT_EQ(r.fault->kind, FaultKind::FlashWrite);
  EXPECT_TRUE(contains(r.fault->message, "write of 4 bytes to 0x")) << r.fault->message;
  EXPECT_TRUE(contains(r.fault->message, "inside flash, which is read-only")) << r.fault->message;
  EXPECT_EQ(r.fault->function.rfind("write_flash", 0), 0u) << r.fault->message;
}

TEST_P(FaultsOnEveryCore, CallThroughNullPointer) {
  const RunResult r = run_mode(GetParam(), 4);
  ASSERT_TRUE(r.fault) << describe(r);
  // Flash at 0 (or its boot alias, stm32l476rg): the vector table runs as code (usage
  // fault); else the fetch is unmapped.
  uint32_t in_region = 0;
  const bool flash_at_zero = device(GetParam()).region_or_alias_at(0, 4, in_region) != nullptr;
  EXPECT_EQ(r.fault->kind, flash_at_zero ? FaultKind::UsageFault : FaultKind::UnmappedAccess) << r.fault->message;
  EXPECT_TRUE(contains(r.fault->message, flash_at_zero
                                             ? "executing at 0x00000000, outside every function of the firmware"
                                             : "instruction fetch from 0x00000000, near address 0 (a null pointer?)"))
      << r.fault->message;
  EXPECT_TRUE(contains(r.fault->message, "jumped there from the block at pc 0x")) << r.fault->message;
  EXPECT_TRUE(contains(r.fault->message, " in call_null")) << r.fault->describe();
}

TEST_P(FaultsOnEveryCore, PermanentlyUndefined) {
  const RunResult r = run_mode(GetParam(), 6);
  ASSERT_TRUE(r.fault) << describe(r);
  EXPECT_EQ(r.fault->kind, FaultKind::UndefinedInstruction) << r.fault->message;
  EXPECT_EQ(r.fault->function.rfind("permanently_undefined", 0), 0u) << r.fault->message;
}

TEST_P(FaultsOnEveryCore, BudgetStopsAnEndlessLoop) {
  RunLimits limits;
  limits.max_cycles = 200000;
  const RunResult r = run_mode(GetParam(), 7, limits);
  ASSERT_TRUE(r.fault) << describe(r);
  EXPECT_EQ(r.fault->kind, FaultKind::Budget);
  EXPECT_GE(r.cycles, 200000u);
  EXPECT_LT(r.cycles, 200100u);
  EXPECT_TRUE(contains(r.fault->message, "budget exhausted after")) << r.fault->message;
  EXPECT_EQ(r.fault->function.rfind("spin_forever", 0), 0u) << r.fault->message;
}

TEST_P(FaultsOnEveryCore, StackOverflowIntoBss) {
  const RunResult r = run_mode(GetParam(), 8);
  ASSERT_TRUE(r.fault) << describe(r);
  const Device dev = device(GetParam());
  EXPECT_EQ(r.fault->kind, FaultKind::StackOverflow) << r.fault->message;
  if (dev.region_at(dev.main_ram()->origin - 4u)) {
    // Another bank sits below the main SRAM (stm32f746ng's ITCM is not adjacent, so
    // only ones directly below count): the paint check reports it at the end.
    EXPECT_TRUE(contains(r.fault->message, "stack overflow")) << r.fault->message;
  } else {
    EXPECT_TRUE(contains(r.fault->message, "stack overflow: write of 4 bytes to 0x")) << r.fault->message;
    const MemoryRegion* first_bank = dev.region_at(dev.main_ram()->origin);
    ASSERT_NE(first_bank, nullptr);
    EXPECT_TRUE(contains(r.fault->message, "bytes below the start of " + first_bank->name)) << r.fault->message;
    EXPECT_EQ(r.fault->function.rfind("recurse", 0), 0u) << r.fault->message;
  }
}

TEST_P(FaultsOnEveryCore, SleepWithNothingToWake) {
  const RunResult r = run_mode(GetParam(), 9);
  ASSERT_TRUE(r.fault) << describe(r);
  EXPECT_EQ(r.fault->kind, FaultKind::SleptForever);
  EXPECT_EQ(r.fault->function.rfind("sleep_forever", 0), 0u) << r.fault->message;
}

INSTANTIATE_TEST_SUITE_P(Cores, FaultsOnEveryCore, ::testing::Values("samd21g18", "stm32l476rg", "stm32u585ai", "stm32f746ng"));

TEST(Faults, DspInstructionIsUndefinedOnM0Plus) {
  const RunResult r = run_mode("samd21g18", 5);
  ASSERT_TRUE(r.fault) << describe(r);
  EXPECT_EQ(r.fault->kind, FaultKind::UndefinedInstruction);
  EXPECT_TRUE(contains(r.fault->message, "undefined instruction fb21 3002 (not implemented by cortex-m0plus)"))
      << r.fault->message;
  EXPECT_EQ(r.fault->function.rfind("dsp_instruction", 0), 0u) << r.fault->message;
}

TEST(Faults, DspInstructionRunsOnM4) {
  const RunResult r = run_mode("nrf52840", 5);
  EXPECT_EQ(r.reason, StopReason::Exited) << describe(r);
  EXPECT_EQ(r.exit_code, 3);
}

TEST(Faults, UnalignedWordReadIsAHardFaultOnArmv6M) {
  const RunResult r = run_mode("samd21g18", 10);
  ASSERT_TRUE(r.fault) << describe(r);
  EXPECT_EQ(r.fault->kind, FaultKind::UsageFault);
  EXPECT_TRUE(contains(r.fault->message, "unaligned read of 4 bytes from 0x"));
  EXPECT_TRUE(contains(r.fault->message, "(cortex-m0plus is Armv6-M: every unaligned access is a HardFault)"))
      << r.fault->message;
  EXPECT_TRUE(r.fault->pc_exact);
  EXPECT_EQ(r.fault->function.rfind("unaligned_read+", 0), 0u) << r.fault->message;
  EXPECT_EQ(r.fault->address % 4u, 1u);  // words + 1
  EXPECT_EQ(r.fault->size, 4u);
}

TEST(Faults, UnalignedWordReadWorksOnArmv7M) {
  // CCR.UNALIGN_TRP is 0 at reset: LDR at words + 1 reads bytes 33 22 11 88, so the top byte is 0x88.
  const RunResult r = run_mode("stm32l476rg", 10);
  EXPECT_EQ(r.reason, StopReason::Exited) << describe(r);
  EXPECT_EQ(r.exit_code, 0x88);
}

TEST(Faults, UnalignedLoadMultipleIsAHardFaultOnArmv6M) {
  const RunResult r = run_mode("samd21g18", 11);
  ASSERT_TRUE(r.fault) << describe(r);
  EXPECT_EQ(r.fault->kind, FaultKind::UsageFault);
  EXPECT_TRUE(contains(r.fault->message, "unaligned")) << r.fault->message;
  EXPECT_EQ(r.fault->function.rfind("unaligned_load_multiple", 0), 0u) << r.fault->message;
}

class UnalignedOnArmv7M : public ::testing::TestWithParam<const char*> {};

TEST_P(UnalignedOnArmv7M, LoadDoubleFromAnOddAddressIsAUsageFault) {
  const RunResult r = run_mode(GetParam(), 12);
  ASSERT_TRUE(r.fault) << describe(r);
  EXPECT_EQ(r.fault->kind, FaultKind::UsageFault);
  const std::string core = core_name(device(GetParam()).core);
  EXPECT_TRUE(contains(r.fault->message, "unaligned read of 8 bytes from " + hex(r.fault->address) + " by 'ldrd "))
      << r.fault->message;
  EXPECT_TRUE(contains(r.fault->message, "(" + core + " faults on an unaligned LDRD/STRD, LDM/STM, LDREX/STREX and "
                                         "VLDR/VSTR/VLDM/VSTM whatever CCR.UNALIGN_TRP says: UsageFault UNALIGNED, "
                                         "Armv7-M ARM A3.2.1) at pc " + hex(r.fault->pc) + " in load_double"))
      << r.fault->message;
  EXPECT_TRUE(r.fault->pc_exact);
  EXPECT_EQ(r.fault->function, "load_double") << r.fault->message;  // its first instruction
  EXPECT_EQ(r.fault->address % 4u, 2u);  // words + 2
  EXPECT_EQ(r.fault->size, 8u);
}

TEST_P(UnalignedOnArmv7M, LoadMultipleFromAnOddAddressIsAUsageFault) {
  const RunResult r = run_mode(GetParam(), 11);
  ASSERT_TRUE(r.fault) << describe(r);
  EXPECT_EQ(r.fault->kind, FaultKind::UsageFault);
  EXPECT_TRUE(contains(r.fault->message,
                       "unaligned read of 8 bytes from " + hex(r.fault->address) + " by 'ldm r2!, {r0, r1}' ("))
      << r.fault->message;
  EXPECT_TRUE(r.fault->pc_exact);
  EXPECT_EQ(r.fault->function.rfind("unaligned_load_multiple+", 0), 0u) << r.fault->message;
  EXPECT_EQ(r.fault->address % 4u, 2u);
}

INSTANTIATE_TEST_SUITE_P(Cores, UnalignedOnArmv7M, ::testing::Values("stm32l476rg", "stm32u585ai", "stm32f746ng"));

TEST(Faults, UnalignedLoadDoubleOnCortexM3) {
  // No device in the library has an M3: the STM32L476RG's memory with an M3 core.
  Device dev = device("stm32l476rg");
  dev.core = CoreKind::CortexM3;
  dev.file.clear();
  Bench bench("faults", dev);
  ASSERT_TRUE(bench.machine);
  const uint32_t mode = 12;
  auto at = bench.machine->firmware().symbols.address_of("fault_mode");
  ASSERT_TRUE(at && bench.machine->write_memory(*at, &mode, 4));
  const RunResult r = bench.run();
  ASSERT_TRUE(r.fault) << describe(r);
  EXPECT_TRUE(contains(r.fault->message, "(cortex-m3 faults on an unaligned LDRD/STRD")) << r.fault->message;
  EXPECT_EQ(r.fault->function, "load_double") << r.fault->message;  // its first instruction
}

TEST(Faults, FpuInstructionWithCpacrOffIsAUsageFault) {
  for (const char* name : {"stm32l476rg", "stm32u585ai"}) {
    const RunResult r = run_mode(name, 13);
    ASSERT_TRUE(r.fault) << name << ": " << describe(r);
    EXPECT_EQ(r.fault->kind, FaultKind::UsageFault);
    EXPECT_TRUE(contains(r.fault->message,
                         "FPU instruction 'vadd.f32 s0, s0, s0' with the FPU off: CPACR (0xE000ED88) is 0x00000000, CP10/CP11 not enabled (a UsageFault "
                         "NOCP on the chip); enable them before the first FPU instruction, e.g. in the reset "
                         "handler: CPACR |= 0xF << 20, then DSB and ISB; at pc " + hex(r.fault->pc) +
                             " in fpu_switched_off+"))
        << r.fault->message;
    EXPECT_TRUE(r.fault->pc_exact);
  }
}

TEST(Faults, NoFaultModeExitsCleanly) {
  const RunResult r = run_mode("stm32l476rg", 0);
  EXPECT_EQ(r.reason, StopReason::Exited) << describe(r);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.console, "mode 0\n");
}

}  // namespace
}  // namespace tinysim::test
