#include "device/core_kind.h"

#include <array>
#include <utility>

namespace tinysim {
namespace {
constexpr std::array<std::pair<CoreKind, const char*>, 5> kCores{{
    {CoreKind::CortexM0Plus, "cortex-m0plus"},
    {CoreKind::CortexM3, "cortex-m3"},
    {CoreKind::CortexM4, "cortex-m4"},
    {CoreKind::CortexM7, "cortex-m7"},
    {CoreKind::CortexM33, "cortex-m33"},
}};
}  // namespace

std::string core_name(CoreKind core) {
  for (const auto& [kind, name] : kCores)
    if (kind == core) return name;
  return "unknown";
}

std::optional<CoreKind> parse_core(const std::string& text) {
  for (const auto& [kind, name] : kCores)
    if (text == name) return kind;
  return std::nullopt;
}

std::string core_names() {
  std::string out;
  for (const auto& entry : kCores) out += (out.empty() ? "" : ", ") + std::string(entry.second);
  return out;
}

bool core_has_dsp(CoreKind core) {
  return core == CoreKind::CortexM4 || core == CoreKind::CortexM7 || core == CoreKind::CortexM33;
}

}  // namespace tinysim
