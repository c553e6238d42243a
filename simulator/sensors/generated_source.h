#pragma once
// A stream computed once, up front, by a generator or a reader: frame-major int16
// samples plus ground-truth labels as runs (first frame, label), so a long audio stream
// does not need one label per sample.
#include <cstdint>
#include <string>
#include <vector>

#include "sensors/sensor_source.h"

namespace tinysim {

class GeneratedSource : public SensorSource {
 public:
  GeneratedSource(SampleRate rate, unsigned channels, std::vector<std::string> label_names)
      : rate_(rate), channels_(channels), label_names_(std::move(label_names)) {}

  unsigned channels() const override { return channels_; }
  SampleRate rate() const override { return rate_; }
  std::optional<uint64_t> frame_count() const override { return samples_.size() / channels_; }
  void read_frame(uint64_t index, int16_t* out) const override;
  int label(uint64_t index) const override;
  std::vector<std::string> label_names() const override { return label_names_; }
  std::vector<std::string> channel_names() const override { return channel_names_; }
  void set_channel_names(std::vector<std::string> names) { channel_names_ = std::move(names); }

  /// Frame-major samples; the generator fills them (size = frames * channels).
  std::vector<int16_t>& samples() { return samples_; }
  const std::vector<int16_t>& samples() const { return samples_; }
  /// Frames from `first_frame` on carry `label` (until the next run). Runs must be
  /// added in increasing frame order; frames before the first run are unlabelled.
  void set_label_from(uint64_t first_frame, int label);
  /// The index of `name` in label_names(), adding it if new.
  int label_index(const std::string& name);

 private:
  struct LabelRun {
    uint64_t first_frame;
    int label;
  };
  SampleRate rate_;
  unsigned channels_;
  std::vector<std::string> label_names_;
  std::vector<std::string> channel_names_;
  std::vector<int16_t> samples_;
  std::vector<LabelRun> runs_;
};

/// Rounds to the nearest int16, saturating.
int16_t saturate16(double value);

/// Frames in `seconds` at `rate` (rounded down).
uint64_t frames_in(double seconds, SampleRate rate);

/// Seconds at which frame `index` is taken.
double frame_time(uint64_t index, SampleRate rate);

}  // namespace tinysim
