#pragma once
// Names in a message: {"dcdc", "ldo"} -> "dcdc, ldo".
#include <string>
#include <vector>

namespace tinysim {

inline std::string join(const std::vector<std::string>& items, const std::string& separator = ", ") {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i];
  return out;
}

}  // namespace tinysim
