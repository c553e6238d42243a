#include "machine/stack_monitor.h"

#include <vector>

namespace tinysim {

Status StackMonitor::paint(UnicornEngine& engine) const {
  if (available() == 0) return std::nullopt;
  std::vector<uint32_t> words(available() / 4, kPaint);
  return engine.write(low_, words.data(), words.size() * 4, "stack paint");
}

Result<uint32_t> StackMonitor::high_water(const UnicornEngine& engine, bool& reached_low) const {
  reached_low = false;
  if (available() == 0) return 0u;
  std::vector<uint32_t> words(available() / 4);
  if (auto error = engine.read(low_, words.data(), words.size() * 4, "stack")) return *error;
  size_t lowest = words.size();  // index of the deepest overwritten word
  uint32_t gap = 0;
  for (size_t i = words.size(); i-- > 0;) {
    if (words[i] != kPaint) {
      lowest = i;
      gap = 0;
    } else if ((gap += 4) >= kGapBytes) {
      break;
    }
  }
  if (lowest == 0 && words[0] != kPaint) reached_low = true;
  return static_cast<uint32_t>((words.size() - lowest) * 4);
}

}  // namespace tinysim
