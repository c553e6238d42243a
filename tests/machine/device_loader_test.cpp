// Device files: every shipped device loads; bad files fail with file:line:column.
#include <gtest/gtest.h>

#include "device/device_catalog.h"
#include "device/device_loader.h"

namespace tinysim {
namespace {

const std::string kDir = std::string(TINYSIM_SOURCE_DIR) + "/devices";

const char* kGood = R"(name: chip
core: cortex-m4
clock_hz: 64000000
clock_source: "datasheet 1"
memory:
  - {name: flash, kind: flash, origin: 0x08000000, size: 1 MiB, source: "ds 2"}
  - {name: sram, kind: sram, origin: 0x20000000, size: 96 KiB, source: "ds 3"}
)";

TEST(DeviceLoader, ReadsAllFields) {
  auto d = parse_device(kGood, "chip.yaml");
  ASSERT_TRUE(d.ok()) << d.error().describe();
  EXPECT_EQ(d->name, "chip");
  EXPECT_EQ(d->core, CoreKind::CortexM4);
  EXPECT_EQ(d->clock_hz, 64000000u);
  ASSERT_EQ(d->memory.size(), 2u);
  EXPECT_EQ(d->flash()->origin, 0x08000000u);
  EXPECT_EQ(d->flash()->size, 1024u * 1024u);
  EXPECT_EQ(d->main_ram()->size, 96u * 1024u);
  EXPECT_EQ(d->firmware_layout(), "08000000-20000000");
}

TEST(DeviceLoader, ClockRangeIsReadAndChecked) {
  std::string text = kGood;
  text.replace(text.find("clock_source:"), 0, "clock_min_hz: 32000000\nclock_max_hz: 80000000\n");
  auto d = parse_device(text, "chip.yaml");
  ASSERT_TRUE(d.ok()) << d.error().describe();
  EXPECT_EQ(d->clock_min_hz, 32000000u);
  EXPECT_EQ(d->clock_max_hz, 80000000u);
  EXPECT_EQ(d->clock_refusal(80000000), "");
  EXPECT_EQ(d->clock_refusal(32000000), "");
  EXPECT_EQ(d->clock_refusal(100000000), "chip runs its core from 32 MHz to 80 MHz, not at 100 MHz (datasheet 1)");
  EXPECT_EQ(d->clock_refusal(16000000), "chip runs its core from 32 MHz to 80 MHz, not at 16 MHz (datasheet 1)");
  std::string outside = kGood;
  outside.replace(outside.find("clock_source:"), 0, "clock_max_hz: 48000000\n");
  auto bad = parse_device(outside, "chip.yaml");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().describe(), "chip.yaml:3:11: clock_hz: the default clock is outside the range: chip runs its "
                                    "core at up to 48 MHz, not at 64 MHz");
  auto shipped = find_device("stm32l476rg", kDir);
  ASSERT_TRUE(shipped.ok());
  EXPECT_EQ(shipped->clock_max_hz, 80000000u);  // DS10198: up to 80 MHz
}

TEST(DeviceLoader, ShippedDevicesLoadWithTheirFigures) {
  auto all = list_devices(kDir);
  ASSERT_TRUE(all.ok()) << all.error().describe();
  std::vector<std::string> names;
  for (const auto& d : *all) names.push_back(d.name);
  EXPECT_EQ(names, (std::vector<std::string>{"apollo3", "generic-m0plus", "mps2-an385", "mps2-an386", "mps2-an500",
                                             "mps2-an505", "nrf52840", "rp2040", "samd21g18", "stm32f746ng",
                                             "stm32l476rg", "stm32l4r5zi", "stm32u585ai"}));
  auto l476 = find_device("stm32l476rg", kDir);
  ASSERT_TRUE(l476.ok());
  EXPECT_EQ(l476->total(MemoryKind::Flash), 1024u * 1024u);
  EXPECT_EQ(l476->main_ram()->size, 128u * 1024u);
  EXPECT_EQ(l476->total(MemoryKind::Sram), 128u * 1024u);
  auto rp = find_device("rp2040", kDir);
  ASSERT_TRUE(rp.ok());
  EXPECT_EQ(rp->core, CoreKind::CortexM0Plus);
  EXPECT_EQ(rp->total(MemoryKind::Sram), 264u * 1024u);
  EXPECT_EQ(rp->firmware_layout(), "10000000-20000000");
  auto apollo = find_device("apollo3", kDir);
  ASSERT_TRUE(apollo.ok());
  EXPECT_EQ(apollo->firmware_layout(), "00000000-10000000");
  for (const auto& d : *all)
    for (const auto& r : d.memory) EXPECT_FALSE(r.source.empty()) << d.name << " " << r.name;
}

/// "name size at origin" of each RAM block: the main one first, then the others.
std::vector<std::string> ram_of(const std::string& name) {
  auto d = find_device(name, kDir);
  EXPECT_TRUE(d.ok()) << name;
  if (!d.ok()) return {};
  std::vector<std::string> out{d->main_ram()->name + " " + format_size(d->main_ram()->size) + " at " +
                               format_address(d->main_ram()->origin)};
  for (const auto& block : d->ram_blocks())
    if (block.origin != d->main_ram()->origin)
      out.push_back(block.name + " " + format_size(block.size) + " at " + format_address(block.origin));
  return out;
}

// Adjacent SRAM banks are one RAM for the firmware; each figure checked against the
// memory map the device file cites.
TEST(DeviceLoader, AdjacentSramBanksAreOneRam) {
  using Blocks = std::vector<std::string>;
  // RM0385 2.2.2: DTCM 0x2000 0000-0x2000 FFFF, SRAM1 0x2001 0000-0x2004 BFFF, SRAM2 0x2004 C000-0x2004 FFFF;
  // ITCM at 0x0000 0000 is apart.
  EXPECT_EQ(ram_of("stm32f746ng"), (Blocks{"dtcm+sram1+sram2 320 KiB at 0x20000000", "itcm 16 KiB at 0x00000000"}));
  // RM0432 2.4: SRAM1 192 KiB, SRAM2 64 KiB at its 0x2003 0000 alias, SRAM3 384 KiB from 0x2004 0000.
  EXPECT_EQ(ram_of("stm32l4r5zi"), (Blocks{"sram1+sram2+sram3 640 KiB at 0x20000000"}));
  // RM0351 2.3: SRAM1 96 KiB, SRAM2 32 KiB at its 0x2001 8000 alias.
  EXPECT_EQ(ram_of("stm32l476rg"), (Blocks{"sram1+sram2 128 KiB at 0x20000000"}));
  // RM0456 2.5: SRAM1 192 + SRAM2 64 + SRAM3 512 KiB from 0x2000 0000; SRAM4 at 0x2800 0000 is apart.
  EXPECT_EQ(ram_of("stm32u585ai"), (Blocks{"sram1+sram2+sram3 768 KiB at 0x20000000", "sram4 16 KiB at 0x28000000"}));
  // RP2040 datasheet 2.6.2: striped SRAM0-3 256 KiB, SRAM4 and SRAM5 4 KiB each right after.
  EXPECT_EQ(ram_of("rp2040"), (Blocks{"sram+sram4+sram5 264 KiB at 0x20000000"}));
  EXPECT_EQ(ram_of("apollo3"), (Blocks{"sram 384 KiB at 0x10000000"}));
  EXPECT_EQ(ram_of("nrf52840"), (Blocks{"ram 256 KiB at 0x20000000"}));
  EXPECT_EQ(ram_of("samd21g18"), (Blocks{"sram 32 KiB at 0x20000000"}));
  EXPECT_EQ(ram_of("mps2-an505"), (Blocks{"ssram2_3_secure 4 MiB at 0x38000000"}));
}

TEST(DeviceLoader, BanksWithAGapStaySeparate) {
  std::string text = kGood;
  text += "  - {name: sram2, kind: sram, origin: 0x20018000, size: 32 KiB, source: \"ds 4\"}\n"
          "  - {name: ccm, kind: sram, origin: 0x10000000, size: 16 KiB, source: \"ds 5\"}\n"
          "  - {name: sram3, kind: sram, origin: 0x20021000, size: 4 KiB, source: \"ds 6\"}\n";
  auto d = parse_device(text, "chip.yaml");
  ASSERT_TRUE(d.ok()) << d.error().describe();
  const std::vector<MemoryRegion> blocks = d->ram_blocks();
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].name, "ccm");
  EXPECT_EQ(blocks[1].name, "sram+sram2");
  EXPECT_EQ(blocks[1].size, 128u * 1024u);
  EXPECT_EQ(blocks[1].source, "ds 3; ds 4");
  EXPECT_EQ(blocks[2].name, "sram3");  // 4 KiB gap after sram2
  EXPECT_EQ(d->main_ram()->name, "sram+sram2");
  EXPECT_TRUE(d->holds(0x20018000u - 8u, 16));   // across sram into sram2
  EXPECT_FALSE(d->holds(0x20020000u - 8u, 16));  // across sram2's end into the gap
  EXPECT_TRUE(d->holds(0x08000000u, 1024));      // flash
  EXPECT_EQ(d->memory_at(0x20018000u)->name, "sram+sram2");
  EXPECT_EQ(d->memory_at(0x08000000u)->name, "flash");
  EXPECT_FALSE(d->memory_at(0x30000000u));
}

TEST(DeviceLoader, UnknownDeviceListsKnownOnes) {
  auto d = find_device("stm32l999", kDir);
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message.find("unknown device 'stm32l999'"), std::string::npos);
  EXPECT_NE(d.error().message.find("nrf52840"), std::string::npos);
}

Error error_for(const std::string& text) {
  auto d = parse_device(text, "bad.yaml");
  EXPECT_FALSE(d.ok());
  return d.ok() ? Error{} : d.error();
}

TEST(DeviceLoader, UnknownTopLevelKeyHasLineAndColumn) {
  std::string text = kGood;
  text.insert(text.find("memory:"), "clock_mhz: 64\n");
  const Error e = error_for(text);
  EXPECT_EQ(e.describe().substr(0, 23), "bad.yaml:5:1: clock_mhz");
  EXPECT_NE(e.message.find("unknown key"), std::string::npos);
}

TEST(DeviceLoader, BadCoreNamesExpectedValues) {
  std::string text = kGood;
  text.replace(text.find("cortex-m4"), 9, "cortex-a9");
  const Error e = error_for(text);
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 7);
  EXPECT_EQ(e.field, "core");
  EXPECT_NE(e.message.find("cortex-m0plus, cortex-m3, cortex-m4, cortex-m7, cortex-m33"), std::string::npos);
}

TEST(DeviceLoader, BadSizeAndMissingSourceAndOverlap) {
  std::string text = kGood;
  text.replace(text.find("96 KiB"), 6, "96 kB");
  Error e = error_for(text);
  EXPECT_EQ(e.line, 7);
  EXPECT_EQ(e.field, "memory[1].size");
  EXPECT_NE(e.message.find("'96 kB'"), std::string::npos);

  text = kGood;
  text.replace(text.find(", source: \"ds 3\""), 16, "");
  e = error_for(text);
  EXPECT_EQ(e.field, "memory[1].source");
  EXPECT_EQ(e.line, 7);

  text = kGood;
  text.replace(text.find("0x20000000"), 10, "0x080F0000");
  e = error_for(text);
  EXPECT_NE(e.message.find("overlaps region 'flash'"), std::string::npos);
}

const std::string kAliases = std::string(kGood) + R"(aliases:
  - {name: boot, target: flash, origin: 0x00000000, boot: true, source: "rm 4"}
  - {name: sram mirror, target: sram, origin: 0x10000000, size: 32 KiB, source: "rm 5"}
)";

TEST(DeviceLoader, AliasesShowTheirRegion) {
  auto d = parse_device(kAliases, "chip.yaml");
  ASSERT_TRUE(d.ok()) << d.error().describe();
  ASSERT_EQ(d->aliases.size(), 2u);
  EXPECT_EQ(d->aliases[0].size, 1024u * 1024u);  // no size: the whole target
  EXPECT_EQ(d->aliases[1].size, 32u * 1024u);
  EXPECT_EQ(d->boot_address(), 0u);
  uint32_t in_region = 0;
  const MemoryRegion* r = d->region_or_alias_at(0x10000010u, 4, in_region);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->name, "sram");
  EXPECT_EQ(in_region, 0x20000010u);
  EXPECT_EQ(d->region_or_alias_at(0x10007FFEu, 4, in_region), nullptr);  // runs past the alias
  EXPECT_EQ(d->region_at(0x10000010u), nullptr);  // region_at: regions only
}

TEST(DeviceLoader, BadAliasesNameTheEntry) {
  std::string text = kAliases;
  text.replace(text.find("target: sram,"), 13, "target: sram9,");
  Error e = error_for(text);
  EXPECT_EQ(e.describe().substr(0, 37), "bad.yaml:10:33: aliases[1].target: no");
  EXPECT_NE(e.message.find("no memory region named 'sram9' (expected one of flash, sram)"), std::string::npos);

  text = kAliases;
  text.replace(text.find("0x10000000"), 10, "0x08080000");
  e = error_for(text);
  EXPECT_EQ(e.line, 10);
  EXPECT_EQ(e.column, 5);
  EXPECT_EQ(e.field, "aliases[1]");
  EXPECT_EQ(e.message, "alias 'sram mirror' overlaps region 'flash'");

  text = kAliases;
  text.replace(text.find("0x10000000"), 10, "0x000FF000");
  e = error_for(text);
  EXPECT_EQ(e.message, "alias 'sram mirror' overlaps alias 'boot'");

  text = kAliases;
  text.replace(text.find("32 KiB"), 6, "128 KiB");
  e = error_for(text);
  EXPECT_EQ(e.field, "aliases[1].size");
  EXPECT_EQ(e.message, "the alias is 128 KiB but region 'sram' has 96 KiB");

  text = kAliases;
  text.replace(text.find("target: sram,"), 13, "target: sram, boot: true,");
  e = error_for(text);
  EXPECT_EQ(e.field, "aliases[1].boot");
  EXPECT_NE(e.message.find("must show the program image"), std::string::npos);

  text = kAliases;
  text.replace(text.find("source: \"rm 5\""), 14, "sorce: \"rm 5\"");
  e = error_for(text);
  EXPECT_EQ(e.field, "aliases[1].sorce");
  EXPECT_NE(e.message.find("unknown key (expected one of name, target, origin, size, boot, source)"), std::string::npos);
}

TEST(DeviceLoader, ShippedAliases) {
  auto l476 = find_device("stm32l476rg", kDir);
  ASSERT_TRUE(l476.ok());
  ASSERT_EQ(l476->aliases.size(), 2u);
  EXPECT_EQ(l476->boot_address(), 0u);
  EXPECT_EQ(l476->aliases[1].origin, 0x10000000u);  // SRAM2, modelled at 0x2001 8000
  EXPECT_EQ(l476->aliases[1].size, 32u * 1024u);
  auto f746 = find_device("stm32f746ng", kDir);
  ASSERT_TRUE(f746.ok());
  EXPECT_EQ(f746->boot_address(), 0x00200000u);
  auto u585 = find_device("stm32u585ai", kDir);
  ASSERT_TRUE(u585.ok());
  EXPECT_EQ(u585->boot_address(), 0x08000000u);  // no alias: the start of flash
}

TEST(DeviceLoader, YamlSyntaxErrorHasLine) {
  const Error e = error_for("name: x\ncore: [cortex-m4\n");
  EXPECT_EQ(e.file, "bad.yaml");
  EXPECT_GE(e.line, 2);
}

}  // namespace
}  // namespace tinysim
