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
};

/// Reads the attributes; a section TinySim cannot read gives an empty target (no check).
ArmBuildTarget read_build_target(const std::vector<uint8_t>& arm_attributes);

/// "Armv7E-M", "Armv6-M", ... for Tag_CPU_arch.
std::string arch_name(unsigned arch);

/// Empty when `core` runs code built for `target` (or the ELF does not say); otherwise
/// what it was built for and what the core runs.
std::string core_mismatch(CoreKind core, const ArmBuildTarget& target);

}  // namespace tinysim
