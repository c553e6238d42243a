#include "sensors/synthetic_source.h"

#include <algorithm>
#include <cmath>

namespace tinysim {
namespace {

constexpr double kTwoPi = 6.283185307179586476925286766559;

/// SplitMix64 finaliser: a well-mixed 64-bit hash, so noise is a pure function of
/// (seed, frame, channel).
uint64_t mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

int64_t noise(uint64_t seed, uint64_t index, unsigned channel, uint32_t amplitude) {
  if (amplitude == 0) return 0;
  const uint64_t h = mix(mix(seed ^ mix(index)) + channel);
  const uint64_t span = 2ull * amplitude + 1ull;
  return static_cast<int64_t>(h % span) - static_cast<int64_t>(amplitude);
}

int16_t clamp16(double value) {
  const double r = std::round(value);
  if (r > 32767.0) return 32767;
  if (r < -32768.0) return -32768;
  return static_cast<int16_t>(r);
}

Error settings_error(const std::string& field, const std::string& message) {
  Error e;
  e.field = field;
  e.message = message;
  return e;
}

}  // namespace

Result<SyntheticSensorSource> SyntheticSensorSource::create(SyntheticSettings settings) {
  if (!settings.rate.valid()) {
    return settings_error("synthetic.rate", "the frame rate must be a positive fraction of Hz");
  }
  if (settings.channels == 0) {
    return settings_error("synthetic.channels", "at least one channel is needed");
  }
  if (settings.segments.empty()) {
    return settings_error("synthetic.segments", "at least one segment is needed");
  }
  for (size_t i = 0; i < settings.segments.size(); ++i) {
    const auto& segment = settings.segments[i];
    const std::string field = "synthetic.segments[" + std::to_string(i) + "]";
    if (segment.frames == 0) return settings_error(field + ".frames", "a segment needs at least one frame");
    if (segment.tones.size() != settings.channels) {
      return settings_error(field + ".tones", "has " + std::to_string(segment.tones.size()) +
                                                  " tones, expected one per channel (" +
                                                  std::to_string(settings.channels) + ")");
    }
  }
  return SyntheticSensorSource(std::move(settings));
}

SyntheticSensorSource::SyntheticSensorSource(SyntheticSettings settings) : settings_(std::move(settings)) {
  uint64_t end = 0;
  for (const auto& segment : settings_.segments) {
    end += segment.frames;
    segment_ends_.push_back(end);
    int label = kNoLabel;
    if (!segment.label.empty()) {
      auto it = std::find(label_names_.begin(), label_names_.end(), segment.label);
      if (it == label_names_.end()) it = label_names_.insert(label_names_.end(), segment.label);
      label = static_cast<int>(it - label_names_.begin());
    }
    segment_labels_.push_back(label);
  }
}

size_t SyntheticSensorSource::segment_of(uint64_t index) const {
  auto it = std::upper_bound(segment_ends_.begin(), segment_ends_.end(), index);
  if (it == segment_ends_.end()) --it;
  return static_cast<size_t>(it - segment_ends_.begin());
}

void SyntheticSensorSource::read_frame(uint64_t index, int16_t* out) const {
  const auto& segment = settings_.segments[segment_of(index)];
  // Time of the frame in seconds, exact up to double rounding: index * den / num.
  const double t = static_cast<double>(index) * static_cast<double>(settings_.rate.hz_den) /
                   static_cast<double>(settings_.rate.hz_num);
  for (unsigned c = 0; c < settings_.channels; ++c) {
    const SyntheticTone& tone = segment.tones[c];
    // Reduce the phase to [0, 1) cycles before scaling, so long streams keep precision.
    const double cycles = tone.frequency_hz * t;
    const double phase = cycles - std::floor(cycles);
    const double value = tone.offset + tone.amplitude * std::sin(kTwoPi * phase) +
                         static_cast<double>(noise(settings_.seed, index, c, settings_.noise_amplitude));
    out[c] = clamp16(value);
  }
}

int SyntheticSensorSource::label(uint64_t index) const { return segment_labels_[segment_of(index)]; }

}  // namespace tinysim
