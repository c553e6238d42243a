// Build attributes: the architecture an ELF was built for, read from .ARM.attributes
// bytes laid out as the Arm ABI addenda (IHI 0045) specify, and which cores run it;
// then the real firmware ELFs of every core profile.
#include <gtest/gtest.h>

#include "elf/arm_build_attributes.h"
#include "elf/elf_image.h"
#include "runner/firmware_locator.h"

namespace tinysim {
namespace {

/// 'A', one "aeabi" subsection with one Tag_File list: CPU name, arch, profile, then
/// `more` (tag, value pairs such as the FP ones).
std::vector<uint8_t> attributes(const std::string& cpu_name, uint8_t arch, char profile,
                                std::initializer_list<uint8_t> more = {}) {
  std::vector<uint8_t> tags{5};  // Tag_CPU_name, a string
  tags.insert(tags.end(), cpu_name.begin(), cpu_name.end());
  tags.push_back(0);
  tags.insert(tags.end(), {6, arch, 7, static_cast<uint8_t>(profile), 9, 2});  // arch, profile, Tag_THUMB_ISA_use
  tags.insert(tags.end(), more);
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

// The FP tags as GCC 13 writes them (arm-none-eabi-readelf -A of objects built with -mcpu=...):
// Tag_FP_arch (10) 6 VFPv4-D16 / 8 Armv8 FP-D16, Tag_ABI_HardFP_use (27) 1 single precision
// only, Tag_ABI_VFP_args (28) 1 hard-float ABI; -mfloat-abi=soft writes none of them.
constexpr uint8_t kFpArch = 10, kHardFpUse = 27, kVfpArgs = 28;

TEST(ArmBuildAttributes, EachCoreRunsFloatingPointItsFpuHas) {
  // -mfpu=fpv5-d16 -mfloat-abi=hard (an M7 build for a double-precision FPU): FPv5 with double precision.
  const ArmBuildTarget fpv5_dp = read_build_target(attributes("7E-M", 13, 'M', {kFpArch, 8, kVfpArgs, 1}));
  EXPECT_EQ(fpv5_dp.fp_arch, 8u);
  EXPECT_EQ(fpv5_dp.hard_fp_use, 0u);
  EXPECT_EQ(fpv5_dp.vfp_args, 1u);
  EXPECT_EQ(core_mismatch(CoreKind::CortexM7, fpv5_dp), "");
  EXPECT_EQ(core_mismatch(CoreKind::CortexM4, fpv5_dp),
            "built for -mfpu=fpv5-d16 (double precision); a cortex-m4 has FPv4-SP (single precision only): "
            "rebuild with -mcpu=cortex-m4 -mfpu=fpv4-sp-d16");
  // -mfpu=fpv5-sp-d16 on a v7E-M build: FPv5 instructions (VRINT, VSEL, ...) the M4 lacks.
  const ArmBuildTarget fpv5_sp =
      read_build_target(attributes("7E-M", 13, 'M', {kFpArch, 8, kHardFpUse, 1, kVfpArgs, 1}));
  EXPECT_EQ(core_mismatch(CoreKind::CortexM4, fpv5_sp),
            "built for -mfpu=fpv5-sp-d16 (single precision); a cortex-m4 has FPv4-SP (single precision only): "
            "rebuild with -mcpu=cortex-m4 -mfpu=fpv4-sp-d16");
  EXPECT_EQ(core_mismatch(CoreKind::CortexM7, fpv5_sp), "");
  EXPECT_EQ(core_mismatch(CoreKind::CortexM33, fpv5_sp), "");
  // Double precision on the M33's single-precision FPv5.
  EXPECT_EQ(core_mismatch(CoreKind::CortexM33, fpv5_dp),
            "built for -mfpu=fpv5-d16 (double precision); a cortex-m33 has FPv5-SP (single precision only): "
            "rebuild with -mcpu=cortex-m33 -mfpu=fpv5-sp-d16");
  // -mfpu=fpv4-sp-d16 -mfloat-abi=softfp on Armv7-M: FP instructions allowed, an M3 has no FPU.
  const ArmBuildTarget softfp = read_build_target(attributes("7-M", 10, 'M', {kFpArch, 6, kHardFpUse, 1}));
  EXPECT_EQ(core_mismatch(CoreKind::CortexM3, softfp),
            "built for -mfpu=fpv4-sp-d16 (single precision); a cortex-m3 has no FPU: "
            "rebuild with -mcpu=cortex-m3 -mfloat-abi=soft");
  EXPECT_EQ(core_mismatch(CoreKind::CortexM4, softfp), "");
  // The hard-float ABI alone (no Tag_FP_arch) still passes floats in FP registers.
  EXPECT_EQ(core_mismatch(CoreKind::CortexM0Plus, read_build_target(attributes("6S-M", 12, 'M', {kVfpArgs, 1}))),
            "built for the hard-float ABI (float arguments in FP registers); a cortex-m0plus has no FPU: "
            "rebuild with -mcpu=cortex-m0plus -mfloat-abi=soft");
  // 32 double registers (-mfpu=vfpv4): no M-profile FPU has them.
  EXPECT_EQ(core_mismatch(CoreKind::CortexM7, read_build_target(attributes("7E-M", 13, 'M', {kFpArch, 5}))),
            "built for -mfpu=vfpv4 (32 double registers); a cortex-m7 has FPv5-D16 (single and double precision): "
            "rebuild with -mcpu=cortex-m7 -mfpu=fpv5-d16");
  // -mfloat-abi=soft -mfpu=fpv4-sp-d16 writes no FP tag (checked with GCC 13): runs without an FPU.
  EXPECT_EQ(core_mismatch(CoreKind::CortexM3, read_build_target(attributes("7-M", 10, 'M', {20, 1, 21, 1, 23, 3}))),
            "");
}

TEST(ArmBuildAttributes, TinySimsOwnFirmwareOnEveryCore) {
  // What `arm-none-eabi-readelf -A` shows for build/firmware/<core>/*.elf (cmake/FirmwareCore.cmake).
  struct Fp {
    unsigned fp_arch, hard_fp_use, vfp_args;
  };
  const std::vector<std::pair<CoreKind, Fp>> built{{CoreKind::CortexM0Plus, {0, 0, 0}},
                                                   {CoreKind::CortexM3, {0, 0, 0}},
                                                   {CoreKind::CortexM4, {6, 1, 1}},
                                                   {CoreKind::CortexM7, {8, 1, 1}},  // FPv5, single precision
                                                   {CoreKind::CortexM33, {8, 1, 1}}};
  const std::string arch_m0 = "; a cortex-m0plus runs Armv6-M code: rebuild with -mcpu=cortex-m0plus";
  const std::string arch_m3 = "; a cortex-m3 runs Armv6-M and Armv7-M code: rebuild with -mcpu=cortex-m3";
  // expected[firmware core][device core], cores in CoreKind order.
  const std::vector<std::vector<std::string>> expected{
      {"", "", "", "", ""},
      {"built for Armv7" + arch_m0, "", "", "", ""},
      {"built for Armv7E-M" + arch_m0, "built for Armv7E-M" + arch_m3, "", "", ""},
      {"built for Armv7E-M" + arch_m0, "built for Armv7E-M" + arch_m3,
       "built for -mfpu=fpv5-sp-d16 (single precision); a cortex-m4 has FPv4-SP (single precision only): rebuild "
       "with -mcpu=cortex-m4 -mfpu=fpv4-sp-d16",
       "", ""},
      {"built for Armv8-M mainline" + arch_m0, "built for Armv8-M mainline" + arch_m3,
       "built for Armv8-M mainline; a cortex-m4 runs Armv6-M and Armv7(E)-M code: rebuild with -mcpu=cortex-m4",
       "built for Armv8-M mainline; a cortex-m7 runs Armv6-M and Armv7(E)-M code: rebuild with -mcpu=cortex-m7", ""}};
  const std::vector<CoreKind> cores{CoreKind::CortexM0Plus, CoreKind::CortexM3, CoreKind::CortexM4,
                                    CoreKind::CortexM7, CoreKind::CortexM33};
  for (size_t f = 0; f < built.size(); ++f) {
    const auto& [core, fp] = built[f];
    auto elf = load_elf(firmware_dir() + "/" + core_name(core) + "/tinysim-fw-00000000-20000000.elf");
    ASSERT_TRUE(elf) << elf.error().describe();
    const ArmBuildTarget target = read_build_target(elf->arm_attributes);
    EXPECT_EQ(target.fp_arch, fp.fp_arch) << core_name(core);
    EXPECT_EQ(target.hard_fp_use, fp.hard_fp_use) << core_name(core);
    EXPECT_EQ(target.vfp_args, fp.vfp_args) << core_name(core);
    for (size_t d = 0; d < cores.size(); ++d)
      EXPECT_EQ(core_mismatch(cores[d], target), expected[f][d]) << core_name(core) << " on " << core_name(cores[d]);
  }
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
