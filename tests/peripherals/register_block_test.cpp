// Register access rules shared by every block, shown on SYSINFO and CONSOLE.
#include <gtest/gtest.h>

#include "fake_bus.h"
#include "peripherals/console.h"
#include "peripherals/system_info.h"

namespace tinysim {
namespace {

SystemSettings board() {
  SystemSettings s;
  s.ram_base = 0x20000000;
  s.ram_size = 128 * 1024;
  s.model_addr = 0x08010000;
  s.model_size = 23456;
  s.mode = TS_MODE_TENSOR;
  s.stack_size = 6144;
  return s;
}

TEST(SystemInfo, ReportsTheMachineByExactValue) {
  test::FakeBus bus(0x20000000, 1024, 80000000);
  MisuseLog log;
  SystemInfo info(log, board());
  info.attach(bus);
  EXPECT_EQ(info.base(), 0x4F000000u);
  EXPECT_EQ(info.read(TS_SYSINFO_ID, 4), 0x4D495354u);
  EXPECT_EQ(info.read(TS_SYSINFO_VERSION, 4), 1u);
  EXPECT_EQ(info.read(TS_SYSINFO_CLOCK_HZ, 4), 80000000u);
  EXPECT_EQ(info.read(TS_SYSINFO_RAM_BASE, 4), 0x20000000u);
  EXPECT_EQ(info.read(TS_SYSINFO_RAM_SIZE, 4), 131072u);
  EXPECT_EQ(info.read(TS_SYSINFO_MODEL_ADDR, 4), 0x08010000u);
  EXPECT_EQ(info.read(TS_SYSINFO_MODEL_SIZE, 4), 23456u);
  EXPECT_EQ(info.read(TS_SYSINFO_MODE, 4), 1u);
  EXPECT_EQ(info.read(TS_SYSINFO_STACK_SIZE, 4), 6144u);
  EXPECT_TRUE(log.entries().empty());
}

TEST(RegisterBlock, NarrowReadsReturnTheAddressedBytes) {
  test::FakeBus bus(0x20000000, 1024, 1000000);
  MisuseLog log;
  SystemInfo info(log, board());
  info.attach(bus);
  EXPECT_EQ(info.read(TS_SYSINFO_ID + 0, 1), 0x54u);  // 'T'
  EXPECT_EQ(info.read(TS_SYSINFO_ID + 1, 1), 0x53u);  // 'S'
  EXPECT_EQ(info.read(TS_SYSINFO_ID + 2, 2), 0x4D49u);
  EXPECT_EQ(info.read(TS_SYSINFO_MODEL_ADDR + 2, 2), 0x0801u);
}

TEST(RegisterBlock, ReadOnlyAndUnassignedAccessesAreLoggedNotFatal) {
  test::FakeBus bus(0x20000000, 1024, 1000000);
  MisuseLog log;
  SystemInfo info(log, board());
  info.attach(bus);
  bus.cycle = 1234;
  info.write(TS_SYSINFO_CLOCK_HZ, 4, 5);
  bus.cycle = 1300;
  EXPECT_EQ(info.read(0x40, 4), 0u);
  info.write(0x06, 2, 7);
  ASSERT_EQ(log.entries().size(), 3u);
  EXPECT_EQ(log.entries()[0].cycle, 1234u);
  EXPECT_EQ(log.entries()[0].block, "sysinfo");
  EXPECT_EQ(log.entries()[0].message, "write of 0x00000005 to read-only register 0x4f000008");
  EXPECT_EQ(log.entries()[1].cycle, 1300u);
  EXPECT_EQ(log.entries()[1].message, "read of unassigned register 0x4f000040");
  EXPECT_EQ(log.entries()[2].message,
            "2-byte write to 0x4f000006, which is not a register address (registers are 32-bit aligned)");
  EXPECT_EQ(info.read(TS_SYSINFO_CLOCK_HZ, 4), 1000000u);  // unchanged
}

TEST(MisuseLog, KeepsTheFirstThousandAndCountsTheRest) {
  MisuseLog log;
  for (uint64_t i = 0; i < MisuseLog::kMaxEntries + 7; ++i) log.add(i, "sensor", "again");
  EXPECT_EQ(log.entries().size(), MisuseLog::kMaxEntries);
  EXPECT_EQ(log.entries().back().cycle, MisuseLog::kMaxEntries - 1);
  EXPECT_EQ(log.suppressed(), 7u);
}

TEST(Console, KeepsBytesAndCycleStampedLines) {
  test::FakeBus bus(0x20000000, 1024, 1000000);
  MisuseLog log;
  Console console(log);
  console.attach(bus);
  const std::string text = "boot ok\nwindow 1\r\nx";
  for (size_t i = 0; i < text.size(); ++i) {
    bus.cycle = 100 + 10 * i;
    console.write(TS_CONSOLE_TXDATA, i % 2 ? 1 : 4, static_cast<uint8_t>(text[i]) | 0x100u);
  }
  EXPECT_EQ(console.text(), text);
  const auto lines = console.lines();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].cycle, 100u);
  EXPECT_EQ(lines[0].text, "boot ok");
  EXPECT_EQ(lines[1].cycle, 180u);
  EXPECT_EQ(lines[1].text, "window 1");
  EXPECT_EQ(lines[2].cycle, 280u);
  EXPECT_EQ(lines[2].text, "x");
  EXPECT_EQ(console.read(TS_CONSOLE_TXDATA, 4), 0u);
  EXPECT_TRUE(log.entries().empty());
}

TEST(Console, StopsKeepingBytesAtTheCapAndCountsTheRest) {
  MisuseLog log;
  Console console(log);
  for (size_t i = 0; i < Console::kMaxBytes + 5; ++i) console.put('a', 0);
  EXPECT_EQ(console.text().size(), Console::kMaxBytes);
  EXPECT_EQ(console.dropped_bytes(), 5u);
}

}  // namespace
}  // namespace tinysim
