#pragma once
// What an ELF's build attributes (the "aeabi" subsection of .ARM.attributes, Arm IHI 0045
// "Addenda to the ABI for the Arm Architecture", section Build attributes) say the code
// was built for, and whether a core runs it: an ELF for the wrong core is refused with
// the architecture named instead of faulting on its first unknown instruction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "device/core_kind.h"

namespace tinysim {

struct ArmBuildTarget {
  std::optional<unsigned> arch;  ///< Tag_CPU_arch: 11 Armv6-M, 13 Armv7E-M, 17 Armv8-M mainline, ...
  char profile = 0;              ///< Tag_CPU_arch_profile: 'M', 'A', 'R', 'S'; 0 when not given
  unsigned fp_arch = 0;          ///< Tag_FP_arch: 0 none, 6 VFPv4-D16 (FPv4), 8 Armv8 FP-D16 (FPv5), ...
  unsigned hard_fp_use = 0;      ///< Tag_ABI_HardFP_use: 1 single precision only, 0/3 as Tag_FP_arch allows
  unsigned vfp_args = 0;         ///< Tag_ABI_VFP_args: 1 float arguments in FP registers (hard-float ABI)
};

/// Reads the attributes; a section TinySim cannot read gives an empty target (no check).
ArmBuildTarget read_build_target(const std::vector<uint8_t>& arm_attributes);

/// "Armv7E-M", "Armv6-M", ... for Tag_CPU_arch.
std::string arch_name(unsigned arch);

/// Empty when `core` runs code built for `target` (or the ELF does not say); otherwise
/// what it was built for and what the core runs: the architecture, then the FPU (none on
/// M0+/M3, FPv4-SP on M4, FPv5-SP on M33, FPv5 with double precision on M7).
std::string core_mismatch(CoreKind core, const ArmBuildTarget& target);

}  // namespace tinysim
