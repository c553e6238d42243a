#pragma once
// A sensor's frame rate as an exact fraction of hertz, and the arrival cycle of each
// frame on the simulated clock: integer arithmetic only, so long runs never drift.
#include <cstdint>

namespace tinysim {

/// Frames per second = hz_num / hz_den (e.g. 100/1, or 1000/3 for 333.33 Hz).
struct SampleRate {
  uint64_t hz_num = 0;
  uint64_t hz_den = 1;

  bool valid() const { return hz_num > 0 && hz_den > 0; }
  /// floor(rate * 1000): what TS_SENSOR_RATE_MHZ reports.
  uint32_t millihertz() const;
  /// Cycle (after the stream start) at which frame `index` arrives:
  /// floor(index * clock_hz / rate).
  uint64_t arrival_cycle(uint64_t index, uint32_t clock_hz) const;
  /// How many frames have arrived by `cycles` after the stream start (frame 0 arrives
  /// at cycle 0, so this is at least 1).
  uint64_t frames_arrived_by(uint64_t cycles, uint32_t clock_hz) const;
};

/// The same rate, however the fraction is written (100/1 == 1000/10).
inline bool operator==(const SampleRate& a, const SampleRate& b) { return a.hz_num * b.hz_den == b.hz_num * a.hz_den; }

}  // namespace tinysim
