#include "peripherals/motion_detector.h"

#include <cstdlib>

namespace tinysim {

MotionDetector::MotionDetector(std::shared_ptr<const SensorSource> source, uint32_t threshold)
    : source_(std::move(source)), threshold_(threshold), frames_(source_->frame_count()) {
  mean_.assign(source_->channels(), 0);
  frame_.assign(source_->channels(), 0);
}

void MotionDetector::scan_to(uint64_t frame) const {
  while (active_.size() <= frame && (!frames_ || active_.size() < *frames_)) {
    source_->read_frame(active_.size(), frame_.data());
    bool moved = false;
    for (size_t c = 0; c < frame_.size(); ++c) {
      const int64_t value = int64_t{frame_[c]} * 256;
      if (active_.empty()) mean_[c] = value;  // the filter starts settled on the first frame
      moved = moved || std::llabs(value - mean_[c]) > int64_t{threshold_} * 256;
      mean_[c] += (value - mean_[c]) / (int64_t{1} << kMeanShift);
    }
    active_.push_back(moved);
  }
}

bool MotionDetector::active(uint64_t frame) const {
  scan_to(frame);
  return frame < active_.size() && active_[frame];
}

std::optional<uint64_t> MotionDetector::next_active(uint64_t frame) const {
  for (uint64_t f = frame; !frames_ || f < *frames_; ++f)
    if (active(f)) return f;
  return std::nullopt;
}

}  // namespace tinysim
