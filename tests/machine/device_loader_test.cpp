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
  EXPECT_EQ(l476->main_ram()->size, 96u * 1024u);
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

TEST(DeviceLoader, YamlSyntaxErrorHasLine) {
  const Error e = error_for("name: x\ncore: [cortex-m4\n");
  EXPECT_EQ(e.file, "bad.yaml");
  EXPECT_GE(e.line, 2);
}

}  // namespace
}  // namespace tinysim
