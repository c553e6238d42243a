#include "sensors/window_label.h"

#include <map>

namespace tinysim {

int window_label(const SensorSource& source, uint64_t first_frame, uint64_t frames) {
  struct Tally {
    uint64_t count = 0;
    uint64_t last = 0;
  };
  std::map<int, Tally> tally;
  uint64_t end = first_frame + frames;
  if (const auto count = source.frame_count(); count && *count < end) end = *count;
  for (uint64_t i = first_frame; i < end; ++i) {
    const int label = source.label(i);
    if (label == kNoLabel) continue;
    Tally& t = tally[label];
    ++t.count;
    t.last = i;
  }
  int best = kNoLabel;
  Tally best_tally;
  for (const auto& [label, t] : tally) {
    if (best == kNoLabel || t.count > best_tally.count ||
        (t.count == best_tally.count && t.last > best_tally.last)) {
      best = label;
      best_tally = t;
    }
  }
  return best;
}

}  // namespace tinysim
