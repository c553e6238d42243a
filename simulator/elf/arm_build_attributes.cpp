#include "elf/arm_build_attributes.h"

#include <algorithm>
#include <iterator>

namespace tinysim {
namespace {

constexpr unsigned kTagFile = 1;
constexpr unsigned kTagCpuName = 5;
constexpr unsigned kTagCpuArch = 6;
constexpr unsigned kTagCpuArchProfile = 7;
constexpr unsigned kTagFpArch = 10;
constexpr unsigned kTagAbiHardFpUse = 27;
constexpr unsigned kTagAbiVfpArgs = 28;
constexpr unsigned kTagCompatibility = 32;

class AttributeReader {
 public:
  AttributeReader(const std::vector<uint8_t>& bytes, size_t at, size_t end) : bytes_(bytes), at_(at), end_(end) {}
  bool done() const { return at_ >= end_; }
  std::optional<unsigned> uleb() {
    unsigned value = 0;
    for (unsigned shift = 0; at_ < end_ && shift < 32; shift += 7) {
      const uint8_t byte = bytes_[at_++];
      value |= unsigned(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return value;
    }
    return std::nullopt;
  }
  std::optional<std::string> text() {
    const auto first = bytes_.begin() + static_cast<std::ptrdiff_t>(at_);
    const auto nul = std::find(first, bytes_.begin() + static_cast<std::ptrdiff_t>(end_), uint8_t{0});
    if (nul == bytes_.begin() + static_cast<std::ptrdiff_t>(end_)) return std::nullopt;
    std::string out(first, nul);
    at_ += out.size() + 1;
    return out;
  }

 private:
  const std::vector<uint8_t>& bytes_;
  size_t at_, end_;
};

uint32_t le32(const std::vector<uint8_t>& b, size_t at) {
  return uint32_t(b[at]) | uint32_t(b[at + 1]) << 8 | uint32_t(b[at + 2]) << 16 | uint32_t(b[at + 3]) << 24;
}

/// The file-scope attributes of one "aeabi" subsection [at, end).
void read_file_attributes(const std::vector<uint8_t>& b, size_t at, size_t end, ArmBuildTarget& target) {
  while (at + 5 <= end) {
    const unsigned tag = b[at];
    const size_t size = le32(b, at + 1);
    if (size < 5 || at + size > end) return;
    if (tag == kTagFile) {
      AttributeReader r(b, at + 5, at + size);
      while (!r.done()) {
        auto attribute = r.uleb();
        if (!attribute) return;
        // Value types: 4, 5 and odd tags above 32 are strings; 32 is a number and a string.
        const bool string = *attribute == 4 || *attribute == kTagCpuName || (*attribute > 32 && (*attribute & 1));
        if (*attribute == kTagCompatibility && (!r.uleb() || !r.text())) return;
        if (*attribute == kTagCompatibility) continue;
        if (string) {
          if (!r.text()) return;
          continue;
        }
        auto value = r.uleb();
        if (!value) return;
        if (*attribute == kTagCpuArch) target.arch = *value;
        if (*attribute == kTagCpuArchProfile) target.profile = static_cast<char>(*value);
        if (*attribute == kTagFpArch) target.fp_arch = *value;
        if (*attribute == kTagAbiHardFpUse) target.hard_fp_use = *value;
        if (*attribute == kTagAbiVfpArgs) target.vfp_args = *value;
      }
    }
    at += size;
  }
}

/// What a Tag_FP_arch value needs: the FP version (VFPv2 .. FPv5 = Armv8 FP), whether it
/// uses 32 double registers (M-profile FPUs have 16), and the -mfpu GCC spells it with.
struct FpArch {
  unsigned version;
  bool d32;
  const char* single_mfpu;  ///< with Tag_ABI_HardFP_use 1 (single precision only)
  const char* double_mfpu;
};
constexpr FpArch kFpArchs[] = {{0, false, "", ""},
                               {1, false, "vfpv1", "vfpv1"},
                               {2, false, "vfpv2", "vfpv2"},
                               {3, true, "vfpv3", "vfpv3"},
                               {3, false, "vfpv3xd", "vfpv3-d16"},
                               {4, true, "vfpv4", "vfpv4"},
                               {4, false, "fpv4-sp-d16", "vfpv4-d16"},
                               {5, true, "fp-armv8", "fp-armv8"},
                               {5, false, "fpv5-sp-d16", "fpv5-d16"}};

/// The FPU each core has in TinySim: the Armv7-M / Armv8-M FP extension, D16. The M7 is
/// Unicorn's, with double precision (TinySim's own M7 firmware uses single precision only, -mfpu=fpv5-sp-d16,
/// as the STM32F746's FPU is; devices do not say their FPU yet).
struct CoreFpu {
  unsigned version;  ///< 0: no FPU
  bool double_precision;
  const char* mfpu;
  const char* text;
};

CoreFpu core_fpu(CoreKind core) {
  switch (core) {
    case CoreKind::CortexM4: return {4, false, "fpv4-sp-d16", "FPv4-SP (single precision only)"};
    case CoreKind::CortexM7: return {5, true, "fpv5-d16", "FPv5-D16 (single and double precision)"};
    case CoreKind::CortexM33: return {5, false, "fpv5-sp-d16", "FPv5-SP (single precision only)"};
    default: return {0, false, "", "no FPU"};
  }
}

/// Empty when the core's FPU runs the ELF's floating-point code. Only what the attributes
/// say counts: -mfloat-abi=soft code records no Tag_FP_arch whatever -mfpu was given.
std::string fpu_mismatch(CoreKind core, const ArmBuildTarget& target) {
  if (target.fp_arch == 0 && target.vfp_args != 1) return "";
  const CoreFpu fpu = core_fpu(core);
  const bool single_only = target.hard_fp_use == 1;
  std::string built = "the hard-float ABI (float arguments in FP registers)";
  bool runs = fpu.version > 0;
  if (target.fp_arch >= std::size(kFpArchs)) {
    built = "Tag_FP_arch " + std::to_string(target.fp_arch) + " floating point";
    runs = false;
  } else if (target.fp_arch > 0) {
    const FpArch& need = kFpArchs[target.fp_arch];
    built = std::string("-mfpu=") + (single_only ? need.single_mfpu : need.double_mfpu) +
            (need.d32 ? " (32 double registers)" : single_only ? " (single precision)" : " (double precision)");
    runs = runs && !need.d32 && need.version <= fpu.version && (single_only || fpu.double_precision);
  }
  if (runs) return "";
  const std::string rebuild = fpu.version ? std::string("-mfpu=") + fpu.mfpu : "-mfloat-abi=soft";
  return "built for " + built + "; a " + core_name(core) + " has " + fpu.text + ": rebuild with -mcpu=" +
         core_name(core) + " " + rebuild;
}

}  // namespace

ArmBuildTarget read_build_target(const std::vector<uint8_t>& b) {
  ArmBuildTarget target;
  if (b.empty() || b[0] != 'A') return target;  // format version 'A'
  for (size_t at = 1; at + 4 <= b.size();) {
    const size_t size = le32(b, at);
    if (size < 4 || at + size > b.size()) break;
    AttributeReader r(b, at + 4, at + size);
    if (auto vendor = r.text(); vendor && *vendor == "aeabi")
      read_file_attributes(b, at + 4 + vendor->size() + 1, at + size, target);
    at += size;
  }
  return target;
}

std::string arch_name(unsigned arch) {
  switch (arch) {
    case 10: return "Armv7";
    case 11: return "Armv6-M";
    case 12: return "Armv6S-M";
    case 13: return "Armv7E-M";
    case 14: return "Armv8-A";
    case 15: return "Armv8-R";
    case 16: return "Armv8-M baseline";
    case 17: return "Armv8-M mainline";
    case 21: return "Armv8.1-M mainline";
    default: return "architecture " + std::to_string(arch) + " (Tag_CPU_arch)";
  }
}

std::string core_mismatch(CoreKind core, const ArmBuildTarget& target) {
  if (!target.arch) return fpu_mismatch(core, target);
  // What each core executes: its own architecture and the M-profile ones it extends.
  struct Runs {
    std::vector<unsigned> arch;
    const char* text;
  };
  const Runs runs = core == CoreKind::CortexM0Plus ? Runs{{11, 12}, "Armv6-M"}
                    : core == CoreKind::CortexM3   ? Runs{{11, 12, 10}, "Armv6-M and Armv7-M"}
                    : core == CoreKind::CortexM33  ? Runs{{11, 12, 10, 13, 16, 17}, "Armv6-M, Armv7(E)-M and Armv8-M"}
                                                   : Runs{{11, 12, 10, 13}, "Armv6-M and Armv7(E)-M"};
  const bool m_profile = target.profile == 0 || target.profile == 'M';
  if (m_profile && std::find(runs.arch.begin(), runs.arch.end(), *target.arch) != runs.arch.end())
    return fpu_mismatch(core, target);
  std::string built = arch_name(*target.arch);
  if (target.profile && target.profile != 'M') built += std::string(" (profile ") + target.profile + ")";
  return "built for " + built + "; a " + core_name(core) + " runs " + runs.text + " code: rebuild with -mcpu=" +
         core_name(core);
}

}  // namespace tinysim
