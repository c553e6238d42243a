// Device files of the reference boards: code SRAM regions and `peripherals:`.
#include <gtest/gtest.h>

#include <fstream>

#include "device/device_catalog.h"
#include "device/device_loader.h"
#include "peripherals/board_peripherals.h"
#include "peripherals/cmsdk_uart.h"
#include "support/scratch.h"

namespace tinysim {
namespace {

const std::string kDevices = std::string(TINYSIM_SOURCE_DIR) + "/devices";

TEST(BoardDevices, Mps2MapsAreCodeSramAtZeroAndDataSramAt0x20000000) {
  for (const char* name : {"mps2-an385", "mps2-an386", "mps2-an500", "generic-m0plus"}) {
    auto d = find_device(name, kDevices);
    ASSERT_TRUE(d.ok()) << d.error().describe();
    ASSERT_NE(d->flash(), nullptr);
    EXPECT_EQ(d->flash()->kind, MemoryKind::CodeSram) << name;
    EXPECT_EQ(d->flash()->origin, 0u);
    EXPECT_EQ(d->flash()->size, 4u << 20);
    EXPECT_EQ(d->main_ram()->origin, 0x20000000u);
    EXPECT_EQ(d->main_ram()->size, 4u << 20);
    EXPECT_EQ(d->image_total(), 4u << 20);
    EXPECT_EQ(d->total(MemoryKind::Flash), 0u);
    EXPECT_EQ(d->firmware_layout(), "00000000-20000000");
  }
  auto an505 = find_device("mps2-an505", kDevices);
  ASSERT_TRUE(an505.ok());
  EXPECT_EQ(an505->core, CoreKind::CortexM33);
  EXPECT_EQ(an505->clock_hz, 20000000u);
  EXPECT_EQ(an505->firmware_layout(), "10000000-38000000");
  EXPECT_EQ(find_device("mps2-an386", kDevices)->clock_hz, 25000000u);
}

/// The loader's error for a device with this one memory region.
std::string region_error(const std::string& region) {
  auto d = parse_device("name: x\ncore: cortex-m3\nclock_hz: 25000000\nclock_source: s\nmemory:\n  - " + region + "\n",
                        "x.yaml");
  return d.ok() ? "(accepted)" : d.error().describe();
}

TEST(BoardDevices, BadRegionKindNamesTheThreeKinds) {
  EXPECT_EQ(region_error("{name: code, kind: rom, origin: 0, size: 4 MiB, source: s}"),
            "x.yaml:6:24: memory[0].kind: expected flash, sram or code_sram, got 'rom'");
}

TEST(BoardDevices, ADeviceNeedsSomewhereForTheImage) {
  EXPECT_EQ(region_error("{name: ram, kind: sram, origin: 0x20000000, size: 4 MiB, source: s}"),
            "x.yaml:6:3: memory: expected at least one region of kind flash or code_sram (the program image)");
}

TEST(BoardDevices, PeripheralsComeFromTheDeviceFile) {
  auto d = find_device("mps2-an505", kDevices);
  ASSERT_TRUE(d.ok());
  MisuseLog log;
  Console console(log);
  auto board = BoardPeripherals::create(*d, console);
  ASSERT_TRUE(board.ok()) << board.error().describe();
  ASSERT_EQ((*board)->blocks().size(), 1u);
  EXPECT_EQ((*board)->blocks()[0]->name(), "uart0");
  EXPECT_EQ((*board)->blocks()[0]->base(), 0x50200000u);
  auto chip = find_device("nrf52840", kDevices);
  ASSERT_TRUE(chip.ok());
  auto none = BoardPeripherals::create(*chip, console);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE((*none)->blocks().empty());
}

Result<std::unique_ptr<BoardPeripherals>> peripherals_from(const std::string& entry) {
  const std::string path = test::scratch_path("board.yaml");
  std::ofstream(path) << "name: board\ncore: cortex-m3\nclock_hz: 25000000\nclock_source: s\nmemory:\n"
                         "  - {name: code, kind: code_sram, origin: 0, size: 4 MiB, source: s}\n"
                         "  - {name: ram, kind: sram, origin: 0x20000000, size: 4 MiB, source: s}\n"
                         "peripherals:\n  - " << entry << "\n";
  auto d = load_device_file(path);
  if (!d.ok()) return d.error();
  static MisuseLog log;
  static Console console(log);
  return BoardPeripherals::create(*d, console);
}

TEST(BoardDevices, BadPeripheralEntriesSayWhereAndWhat) {
  const std::string file = test::scratch_path("board.yaml");
  auto kind = peripherals_from("{kind: pl011, name: uart0, base: 0x40004000, source: s}");
  ASSERT_FALSE(kind.ok());
  EXPECT_EQ(kind.error().describe(), file + ":9:12: peripherals[0].kind: expected cmsdk_apb_uart, got 'pl011'");
  auto base = peripherals_from("{kind: cmsdk_apb_uart, name: uart0, base: 0x40004004, source: s}");
  ASSERT_FALSE(base.ok());
  EXPECT_EQ(base.error().describe(),
            file + ":9:47: peripherals[0].base: expected a 4 KiB-aligned 32-bit address like 0x40004000, got "
                   "'0x40004004'");
  auto source = peripherals_from("{kind: cmsdk_apb_uart, name: uart0, base: 0x40004000}");
  ASSERT_FALSE(source.ok());
  EXPECT_NE(source.error().describe().find("peripherals[0].source: missing"), std::string::npos)
      << source.error().describe();
  auto extra = peripherals_from("{kind: cmsdk_apb_uart, name: uart0, base: 0x40004000, irq: 1, source: s}");
  ASSERT_FALSE(extra.ok());
  EXPECT_NE(extra.error().describe().find("irq"), std::string::npos) << extra.error().describe();
}

}  // namespace
}  // namespace tinysim
