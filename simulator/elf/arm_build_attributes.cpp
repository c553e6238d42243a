#include "elf/arm_build_attributes.h"

#include <algorithm>

namespace tinysim {
namespace {

constexpr unsigned kTagFile = 1;
constexpr unsigned kTagCpuName = 5;
constexpr unsigned kTagCpuArch = 6;
constexpr unsigned kTagCpuArchProfile = 7;
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
      }
    }
    at += size;
  }
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
  if (!target.arch) return "";
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
  if (m_profile && std::find(runs.arch.begin(), runs.arch.end(), *target.arch) != runs.arch.end()) return "";
  std::string built = arch_name(*target.arch);
  if (target.profile && target.profile != 'M') built += std::string(" (profile ") + target.profile + ")";
  return "built for " + built + "; a " + core_name(core) + " runs " + runs.text + " code: rebuild with -mcpu=" +
         core_name(core);
}

}  // namespace tinysim
