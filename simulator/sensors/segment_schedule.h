#pragma once
// A seeded schedule of labelled segments covering a stream: each segment's class is drawn
// with the given weights, independently of the one before, and its length uniformly
// between 0.5 and 1.5 times the class's mean. So over a long stream a class holds
// weight * mean / sum(weight * mean) of the frames.
#include <cstdint>
#include <vector>

#include "sensors/sample_rate.h"
#include "sensors/seeded_random.h"

namespace tinysim {

struct ScheduledSegment {
  size_t kind;           ///< index into the classes
  uint64_t first_frame;
  uint64_t frames;       ///< the last segment is cut at the stream's end
};

/// `weights` and `mean_seconds` have one entry per class; at least one weight > 0.
std::vector<ScheduledSegment> draw_schedule(SeededRandom& random, const std::vector<double>& weights,
                                            const std::vector<double>& mean_seconds, uint64_t total_frames,
                                            SampleRate rate);

}  // namespace tinysim
