// Build attributes: the architecture an ELF was built for, read from .ARM.attributes
// bytes laid out as the Arm ABI addenda (IHI 0045) specify, and which cores run it;
// then the real firmware ELFs of every core profile.
#include <gtest/gtest.h>

#include "elf/arm_build_attributes.h"
#include "elf/elf_image.h"
#include "runner/firmware_locator.h"

namespace tinysim {
namespace {

/// 'A', one "aeabi" subsection with one Tag_File list: CPU name, arch, profile.
std::vector<uint8_t> attributes(const std::string& cpu_name, uint8_t arch, char profile) {
  std::vector<uint8_t> tags{5};  // Tag_CPU_name, a string
  tags.insert(tags.end(), cpu_name.begin(), cpu_name.end());
  tags.push_back(0);
  tags.insert(tags.end(), {6, arch, 7, static_cast<uint8_t>(profile), 9, 2});  // arch, profile, Tag_THUMB_ISA_use
  std::vector<uint8_t> file{1, 0, 0, 0, 0};  // Tag_File, size
  file.insert(file.end(), tags.begin(), tags.end());
  file[1] = static_cast<uint8_t>(file.size());
  std::vector<uint8_t> out{'A', 0, 0, 0, 0, 'a', 'e', 'a', 'b', 'i', 0};
  out.insert(out.end(), file.begin(), file.end());
  out[1] = static_cast<uint8_t>(out.size() - 1);
  return out;
}

TEST(ArmBuildAttributes, ReadsArchitectureAndProfile) {
  const ArmBuildTarget t = read_build_target(attributes("7E-M", 13, 'M'));
  ASSERT_TRUE(t.arch);
  EXPECT_EQ(*t.arch, 13u);
  EXPECT_EQ(t.profile, 'M');
  EXPECT_FALSE(read_build_target({}).arch);                    // no section: nothing said, nothing checked
  EXPECT_FALSE(read_build_target({'B', 1, 2, 3, 4}).arch);     // unknown format version
}

TEST(ArmBuildAttributes, EachCoreRunsItsOwnAndOlderMProfileCode) {
  const ArmBuildTarget v6m = read_build_target(attributes("6S-M", 12, 'M'));
  const ArmBuildTarget v7em = read_build_target(attributes("7E-M", 13, 'M'));
  const ArmBuildTarget v8m = read_build_target(attributes("8-M.MAIN", 17, 'M'));
  for (CoreKind core : {CoreKind::CortexM0Plus, CoreKind::CortexM3, CoreKind::CortexM4, CoreKind::CortexM7,
                        CoreKind::CortexM33})
    EXPECT_EQ(core_mismatch(core, v6m), "") << core_name(core);
  EXPECT_EQ(core_mismatch(CoreKind::CortexM0Plus, v7em),
            "built for Armv7E-M; a cortex-m0plus runs Armv6-M code: rebuild with -mcpu=cortex-m0plus");
  EXPECT_EQ(core_mismatch(CoreKind::CortexM3, v7em),
            "built for Armv7E-M; a cortex-m3 runs Armv6-M and Armv7-M code: rebuild with -mcpu=cortex-m3");
  EXPECT_EQ(core_mismatch(CoreKind::CortexM4, v7em), "");
  EXPECT_EQ(core_mismatch(CoreKind::CortexM33, v7em), "");
  EXPECT_EQ(core_mismatch(CoreKind::CortexM7, v8m),
            "built for Armv8-M mainline; a cortex-m7 runs Armv6-M and Armv7(E)-M code: rebuild with -mcpu=cortex-m7");
  EXPECT_EQ(core_mismatch(CoreKind::CortexM4, read_build_target(attributes("7-A", 10, 'A'))),
            "built for Armv7 (profile A); a cortex-m4 runs Armv6-M and Armv7(E)-M code: rebuild with -mcpu=cortex-m4");
}

TEST(ArmBuildAttributes, TinySimsOwnFirmwareRunsOnlyWhereItShould) {
  const std::vector<std::pair<CoreKind, unsigned>> built{{CoreKind::CortexM0Plus, 12}, {CoreKind::CortexM3, 10},
                                                          {CoreKind::CortexM4, 13}, {CoreKind::CortexM7, 13},
                                                          {CoreKind::CortexM33, 17}};
  for (const auto& [core, arch] : built) {
    auto elf = load_elf(firmware_dir() + "/" + core_name(core) + "/tinysim-fw-00000000-20000000.elf");
    ASSERT_TRUE(elf) << elf.error().describe();
    const ArmBuildTarget target = read_build_target(elf->arm_attributes);
    ASSERT_TRUE(target.arch) << core_name(core);
    EXPECT_EQ(*target.arch, arch) << core_name(core);
    EXPECT_EQ(target.profile, 'M');
    EXPECT_EQ(core_mismatch(core, target), "") << core_name(core);
  }
}

}  // namespace
}  // namespace tinysim
