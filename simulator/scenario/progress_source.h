#pragma once
// A sensor source that reports how far the stream has got as the sensor block reads
// its frames: the progress bar's only hook into a run, and invisible to its results.
#include <functional>
#include <memory>

#include "sensors/sensor_source.h"

namespace tinysim {

class ProgressSource : public SensorSource {
 public:
  ProgressSource(std::shared_ptr<const SensorSource> inner, std::function<void(double)> report)
      : inner_(std::move(inner)), report_(std::move(report)), frames_(inner_->frame_count().value_or(0)) {}

  unsigned channels() const override { return inner_->channels(); }
  SampleRate rate() const override { return inner_->rate(); }
  std::optional<uint64_t> frame_count() const override { return inner_->frame_count(); }
  void read_frame(uint64_t index, int16_t* out) const override {
    inner_->read_frame(index, out);
    // About a thousand reports per stream, and always the last frame.
    const uint64_t step = frames_ / 1000 + 1;
    if (frames_ && (index % step == 0 || index + 1 == frames_)) report_(double(index + 1) / double(frames_));
  }
  int label(uint64_t index) const override { return inner_->label(index); }
  std::vector<std::string> label_names() const override { return inner_->label_names(); }

 private:
  std::shared_ptr<const SensorSource> inner_;
  std::function<void(double)> report_;
  uint64_t frames_;
};

}  // namespace tinysim
