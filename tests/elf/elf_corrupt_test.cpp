// Truncated and randomly mutated firmware ELFs: parse_elf returns an error naming the
// file, or an image whose every part is consistent with the bytes; it never reads
// outside them (the elf_corrupt_test_asan build makes any such read fatal).
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "elf/arm_build_attributes.h"
#include "elf/elf_image.h"

namespace tinysim {
namespace {

std::vector<uint8_t> read_firmware(const std::string& name) {
  std::ifstream in(std::string(TINYSIM_TEST_FIRMWARE_DIR) + "/cortex-m4/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name << ": build the firmware first";
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(in)), {});
}

/// Parses a private, exactly sized copy (so a read past the end is a heap overflow);
/// checks what it returns and uses every part of an image that parses.
bool parse_copy(const std::vector<uint8_t>& bytes) {
  const std::vector<uint8_t> copy(bytes);
  auto elf = parse_elf(copy, "mutant.elf");
  if (!elf) {
    EXPECT_EQ(elf.error().file, "mutant.elf");
    EXPECT_FALSE(elf.error().message.empty());
    return false;
  }
  for (const LoadSegment& s : elf->segments) {
    EXPECT_LE(s.bytes.size(), copy.size());
    EXPECT_LE(s.bytes.size(), s.memory_size) << "segment " << s.index;
  }
  for (const Section& s : elf->sections) EXPECT_LE(s.name.size(), copy.size());
  EXPECT_LE(elf->arm_attributes.size(), copy.size());
  const ArmBuildTarget target = read_build_target(elf->arm_attributes);
  for (CoreKind core : {CoreKind::CortexM0Plus, CoreKind::CortexM3, CoreKind::CortexM4, CoreKind::CortexM7,
                        CoreKind::CortexM33})
    (void)core_mismatch(core, target);
  (void)elf->symbols.describe(elf->entry);
  for (const Symbol& s : elf->symbols.all()) (void)elf->symbols.function_at(s.address);
  return true;
}

TEST(CorruptElf, TruncatedHeadersAndTablesAreRefused) {
  const std::vector<uint8_t> bytes = read_firmware("smoke-08000000-20000000.elf");
  ASSERT_GT(bytes.size(), 4096u);
  ASSERT_TRUE(parse_copy(bytes));
  // Every cut inside the ELF header, the program headers and the first segment, and
  // every cut in the last 2 KiB (section headers, string tables, symbols).
  size_t refused = 0, cuts = 0;
  auto cut = [&](size_t length) {
    ++cuts;
    if (!parse_copy(std::vector<uint8_t>(bytes.begin(), bytes.begin() + long(length)))) ++refused;
  };
  for (size_t length = 0; length < 1024; ++length) cut(length);
  for (size_t length = bytes.size() - 2048; length < bytes.size(); ++length) cut(length);
  // A cut file must not load as if whole: all cuts through the headers and segments are refused.
  EXPECT_EQ(refused, cuts);
}

/// `count` mutants of `bytes`, each with 1 to 8 bytes overwritten, half of them
/// in the first 512 bytes (ELF and program headers) and half anywhere.
void mutate_and_parse(const std::vector<uint8_t>& bytes, int count, uint32_t seed, size_t& parsed, size_t& refused) {
  std::mt19937 random(seed);
  for (int i = 0; i < count; ++i) {
    std::vector<uint8_t> mutant(bytes);
    const int changes = 1 + int(random() % 8);
    for (int c = 0; c < changes; ++c) {
      const size_t span = (i % 2 == 0) ? std::min<size_t>(512, mutant.size()) : mutant.size();
      mutant[random() % span] = static_cast<uint8_t>(random());
    }
    if (parse_copy(mutant)) ++parsed;
    else ++refused;
    if (::testing::Test::HasFailure()) FAIL() << "mutant " << i << " of seed " << seed;
  }
}

TEST(CorruptElf, RandomMutationsParseConsistentlyOrAreRefused) {
  size_t parsed = 0, refused = 0;
  mutate_and_parse(read_firmware("smoke-08000000-20000000.elf"), 3000, 1, parsed, refused);
  // Both outcomes occur: the mutations reach past the checks into the tables.
  EXPECT_GT(parsed, 300u);
  EXPECT_GT(refused, 300u);
}

TEST(CorruptElf, MutatedRuntimeFirmwareWithCppSymbols) {
  // TinySim's own firmware: C++ symbols through the demangler, .ARM.attributes, many sections.
  size_t parsed = 0, refused = 0;
  mutate_and_parse(read_firmware("tinysim-fw-08000000-20000000.elf"), 150, 2, parsed, refused);
  EXPECT_GT(parsed + refused, 0u);
}

}  // namespace
}  // namespace tinysim
