#include "sensors/segment_schedule.h"

#include <algorithm>

#include "sensors/generated_source.h"

namespace tinysim {

std::vector<ScheduledSegment> draw_schedule(SeededRandom& random, const std::vector<double>& weights,
                                            const std::vector<double>& mean_seconds, uint64_t total_frames,
                                            SampleRate rate) {
  std::vector<ScheduledSegment> schedule;
  uint64_t frame = 0;
  while (frame < total_frames) {
    const size_t kind = random.pick(weights);
    const double seconds = mean_seconds[kind] * random.uniform(0.5, 1.5);
    const uint64_t frames = std::max<uint64_t>(1, frames_in(seconds, rate));
    schedule.push_back({kind, frame, std::min(frames, total_frames - frame)});
    frame += schedule.back().frames;
  }
  return schedule;
}

}  // namespace tinysim
