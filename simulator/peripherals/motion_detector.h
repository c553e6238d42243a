#pragma once
// The motion-detection interrupt of a MEMS sensor (as the LIS3DH's INT1 with its
// high-pass filter): a frame is *active* when any channel departs from its slow
// running mean by more than a threshold. The detector reads the source ahead of the
// FIFO on its own, lazily, so the sensor can say when the next window with motion will
// be ready without an event per frame. Integer arithmetic only: runs are reproducible.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "sensors/sensor_source.h"

namespace tinysim {

class MotionDetector {
 public:
  /// `threshold` in counts (> 0).
  MotionDetector(std::shared_ptr<const SensorSource> source, uint32_t threshold);

  bool active(uint64_t frame) const;
  /// The first active frame at or after `frame`, nullopt if none before the stream's end.
  std::optional<uint64_t> next_active(uint64_t frame) const;
  uint32_t threshold() const { return threshold_; }

  /// The running mean follows a step with a time constant of 2^kMeanShift frames.
  static constexpr int kMeanShift = 4;

 private:
  void scan_to(uint64_t frame) const;  ///< classifies every frame up to `frame` (inclusive)

  std::shared_ptr<const SensorSource> source_;
  uint32_t threshold_;
  std::optional<uint64_t> frames_;
  mutable std::vector<bool> active_;   ///< per frame scanned so far
  mutable std::vector<int64_t> mean_;  ///< per channel, Q8
  mutable std::vector<int16_t> frame_;
};

}  // namespace tinysim
