#pragma once
// Several sensors at one rate as the chip's one sensor FIFO takes them, like an IMU's
// FIFO: each frame is every part's frame, channels concatenated in the parts' order.
// The ground truth comes from one designated part; the stream ends with the shortest.
#include <memory>
#include <string>
#include <vector>

#include "sensors/sensor_source.h"

namespace tinysim {

class MergedSource : public SensorSource {
 public:
  /// Parts must share one rate and be finite; `label_part` indexes them.
  MergedSource(std::vector<std::shared_ptr<const SensorSource>> parts, size_t label_part);

  unsigned channels() const override { return channels_; }
  SampleRate rate() const override { return parts_.front()->rate(); }
  std::optional<uint64_t> frame_count() const override { return frames_; }
  void read_frame(uint64_t index, int16_t* out) const override;
  int label(uint64_t index) const override { return parts_[label_part_]->label(index); }
  std::vector<std::string> label_names() const override { return parts_[label_part_]->label_names(); }
  std::vector<std::string> channel_names() const override;

 private:
  std::vector<std::shared_ptr<const SensorSource>> parts_;
  size_t label_part_;
  unsigned channels_ = 0;
  uint64_t frames_ = 0;
};

}  // namespace tinysim
