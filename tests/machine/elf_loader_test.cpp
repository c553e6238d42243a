// ELF loading: the smoke firmware parses with its symbols; broken files fail clearly.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "device/device_catalog.h"
#include "elf/elf_image.h"
#include "elf/memory_fit.h"

namespace tinysim {
namespace {

const std::string kSmoke = std::string(TINYSIM_TEST_FIRMWARE_DIR) + "/cortex-m4/smoke-00000000-20000000.elf";

std::vector<uint8_t> smoke_bytes() {
  std::ifstream in(kSmoke, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Device device(const std::string& name) {
  return *find_device(name, std::string(TINYSIM_SOURCE_DIR) + "/devices");
}

TEST(ElfLoader, ReadsSegmentsAndSymbols) {
  auto elf = load_elf(kSmoke);
  ASSERT_TRUE(elf.ok()) << elf.error().describe();
  ASSERT_FALSE(elf->segments.empty());
  EXPECT_EQ(elf->segments[0].load_address, 0u);
  EXPECT_NE(elf->segments[0].sections.find(".text"), std::string::npos);
  auto main_address = elf->symbols.address_of("main");
  ASSERT_TRUE(main_address.has_value());
  EXPECT_EQ(elf->symbols.describe(*main_address), "main");
  EXPECT_EQ(elf->symbols.describe(*main_address + 2), "main+0x2");
  EXPECT_TRUE(elf->symbols.address_of("__bss_end").has_value());
}

TEST(ElfLoader, DemanglesCppNames) { EXPECT_EQ(demangle("_ZN6tinyrt9conv2d_s8Ev"), "tinyrt::conv2d_s8()"); }

TEST(ElfLoader, FitsNrf52840AndReportsUse) {
  auto elf = load_elf(kSmoke);
  ASSERT_TRUE(elf.ok());
  auto usage = fit_to_device(*elf, device("nrf52840"));
  ASSERT_TRUE(usage.ok()) << usage.error().describe();
  EXPECT_GT(usage->flash_used, 100u);
  EXPECT_LT(usage->flash_used, 4096u);
  EXPECT_EQ(usage->flash_available, 1024u * 1024u);
  EXPECT_EQ(usage->ram_available, 256u * 1024u);
}

TEST(ElfLoader, SegmentOutsideTheDevice) {
  auto elf = load_elf(kSmoke);
  ASSERT_TRUE(elf.ok());
  auto usage = fit_to_device(*elf, device("stm32l476rg"));  // flash is at 0x08000000 there
  ASSERT_FALSE(usage.ok());
  EXPECT_NE(usage.error().message.find("segment 0 (.text"), std::string::npos) << usage.error().message;
  EXPECT_NE(usage.error().message.find("at 0x00000000, which is outside the memory of stm32l476rg"),
            std::string::npos)
      << usage.error().message;
}

TEST(ElfLoader, SegmentTooBigForFlash) {
  auto elf = load_elf(kSmoke);
  ASSERT_TRUE(elf.ok());
  elf->segments[0].memory_size = 300 * 1024;
  elf->segments[0].bytes.resize(300 * 1024);
  auto usage = fit_to_device(*elf, device("samd21g18"));
  ASSERT_FALSE(usage.ok());
  EXPECT_NE(usage.error().message.find("needs 300 KiB at 0x00000000, flash of samd21g18 is 256 KiB at 0x00000000 "
                                       "(44 KiB too many)"),
            std::string::npos)
      << usage.error().message;
}

TEST(ElfLoader, TruncatedFile) {
  auto bytes = smoke_bytes();
  ASSERT_GT(bytes.size(), 1000u);
  bytes.resize(40);
  auto elf = parse_elf(bytes, "cut.elf");
  ASSERT_FALSE(elf.ok());
  EXPECT_EQ(elf.error().describe(), "cut.elf: truncated ELF header: 40 bytes, expected at least 52");
  bytes = smoke_bytes();
  bytes.resize(200);
  elf = parse_elf(bytes, "cut.elf");
  ASSERT_FALSE(elf.ok());
  EXPECT_EQ(elf.error().message.rfind("truncated:", 0), 0u) << elf.error().message;
}

TEST(ElfLoader, WrongClassEndiannessMachine) {
  auto bytes = smoke_bytes();
  bytes[4] = 2;  // ELFCLASS64
  EXPECT_EQ(parse_elf(bytes, "x").error().message, "64-bit ELF; expected a 32-bit Arm Cortex-M executable");
  bytes = smoke_bytes();
  bytes[5] = 2;  // big-endian
  EXPECT_EQ(parse_elf(bytes, "x").error().message.rfind("big-endian ELF", 0), 0u);
  bytes = smoke_bytes();
  bytes[18] = 0xF3;  // EM_RISCV
  bytes[19] = 0;
  EXPECT_EQ(parse_elf(bytes, "x").error().message.rfind("ELF machine 243 is not Arm", 0), 0u);
  EXPECT_EQ(parse_elf({'h', 'e', 'l', 'l', 'o'}, "x").error().message, "not an ELF file (no \\x7fELF magic)");
}

}  // namespace
}  // namespace tinysim
