#pragma once
// Where sensor frames come from. A frame is one int16 per channel, taken at the
// source's rate; the sensor peripheral asks for frames by index as simulated time
// reaches them, so a source is random-access and holds no clock of its own.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sensors/sample_rate.h"

namespace tinysim {

inline constexpr int kNoLabel = -1;

/// A stream of frames: synthetic, recorded (CSV), or a scenario generator.
class SensorSource {
 public:
  virtual ~SensorSource() = default;
  virtual unsigned channels() const = 0;
  virtual SampleRate rate() const = 0;
  /// Frames in the stream; nullopt for an endless stream.
  virtual std::optional<uint64_t> frame_count() const = 0;
  /// Writes the channels() values of frame `index` (< frame_count()) into `out`.
  virtual void read_frame(uint64_t index, int16_t* out) const = 0;
  /// Ground-truth label of frame `index` as an index into label_names(), or kNoLabel.
  virtual int label(uint64_t index) const {
    (void)index;
    return kNoLabel;
  }
  virtual std::vector<std::string> label_names() const { return {}; }
  /// What each channel measures, in channel order ("temperature", ...); empty: unnamed.
  virtual std::vector<std::string> channel_names() const { return {}; }
};

}  // namespace tinysim
