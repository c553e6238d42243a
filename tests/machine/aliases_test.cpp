// Memory aliases (devices/*.yaml `aliases:`) mapped onto the same memory: the
// firmware writes through one address and reads through the other, and runs code
// from the alias (tests/firmware/aliases).
#include "machine_fixture.h"

namespace tinysim::test {
namespace {

TEST(Aliases, Stm32l476FlashBootAliasAndSram2) {
  Bench bench("aliases", "stm32l476rg");
  const RunResult r = bench.run();
  ASSERT_EQ(r.reason, StopReason::Exited) << describe(r);
  EXPECT_EQ(r.console,
            "stm32l476\n"
            "flash word via 0x00000000 0xf1a5c0de\n"
            "result 0x0000002b\n"
            "sram2 written at 0x10000100, read at 0x20018100 0x5a5a0001\n"
            "sram2 written at 0x20018200, read at 0x10000200 0x5a5a0002\n"
            "code copied to 0x10000300, run at 0x20018300 0x0000000f\n");
  EXPECT_EQ(r.exit_code, 0);
}

TEST(Aliases, Nrf52840CodeRam) {
  Bench bench("aliases", "nrf52840");
  const RunResult r = bench.run();
  ASSERT_EQ(r.reason, StopReason::Exited) << describe(r);
  EXPECT_EQ(r.console,
            "nrf52840\n"
            "ram written as code ram, read as data ram 0x5a5a0003\n"
            "code written as data ram, run as code ram 0x0000002a\n");
  EXPECT_EQ(r.exit_code, 0);
}

TEST(Aliases, PeripheralDmaReachesMemoryThroughAnAlias) {
  Bench bench("aliases", "stm32l476rg");
  ASSERT_TRUE(bench.machine);
  const uint32_t value = 1;
  EXPECT_FALSE(bench.machine->write_memory(0x10008000u, &value, 4));  // past the 32 KiB of the SRAM2 alias
  EXPECT_TRUE(bench.machine->write_memory(0x10000000u, &value, 4));
  uint32_t back = 0;
  EXPECT_TRUE(bench.machine->read_memory(0x20018000u, &back, 4));
  EXPECT_EQ(back, 1u);
}

}  // namespace
}  // namespace tinysim::test
