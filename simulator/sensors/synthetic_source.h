#pragma once
// A deterministic synthetic sensor: labelled segments of sine tones per channel plus
// seeded uniform noise. Frame values depend only on (settings, index), so a run is
// reproducible and frames can be read in any order.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "sensors/sensor_source.h"

namespace tinysim {

/// One channel's signal in a segment: offset + amplitude * sin(2 pi f t).
struct SyntheticTone {
  double frequency_hz = 0.0;
  double amplitude = 0.0;
  double offset = 0.0;
};

/// A stretch of the stream with one ground-truth label.
struct SyntheticSegment {
  std::string label;                ///< empty: unlabelled
  uint64_t frames = 0;
  std::vector<SyntheticTone> tones;  ///< one per channel
};

struct SyntheticSettings {
  SampleRate rate;
  unsigned channels = 1;
  uint32_t noise_amplitude = 0;  ///< noise is uniform in [-noise, +noise] counts
  uint64_t seed = 0;
  std::vector<SyntheticSegment> segments;
};

class SyntheticSensorSource : public SensorSource {
 public:
  /// Checks the settings; errors name the offending field.
  static Result<SyntheticSensorSource> create(SyntheticSettings settings);

  unsigned channels() const override { return settings_.channels; }
  SampleRate rate() const override { return settings_.rate; }
  std::optional<uint64_t> frame_count() const override { return segment_ends_.back(); }
  void read_frame(uint64_t index, int16_t* out) const override;
  int label(uint64_t index) const override;
  std::vector<std::string> label_names() const override { return label_names_; }

 private:
  explicit SyntheticSensorSource(SyntheticSettings settings);
  size_t segment_of(uint64_t index) const;

  SyntheticSettings settings_;
  std::vector<uint64_t> segment_ends_;  ///< exclusive end frame of each segment
  std::vector<int> segment_labels_;
  std::vector<std::string> label_names_;
};

}  // namespace tinysim
