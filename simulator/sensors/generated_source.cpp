#include "sensors/generated_source.h"

#include <algorithm>
#include <cmath>

namespace tinysim {

void GeneratedSource::read_frame(uint64_t index, int16_t* out) const {
  std::copy_n(samples_.begin() + static_cast<std::ptrdiff_t>(index * channels_), channels_, out);
}

int GeneratedSource::label(uint64_t index) const {
  auto after = std::upper_bound(runs_.begin(), runs_.end(), index,
                                [](uint64_t i, const LabelRun& run) { return i < run.first_frame; });
  if (after == runs_.begin()) return kNoLabel;
  return std::prev(after)->label;
}

void GeneratedSource::set_label_from(uint64_t first_frame, int label) {
  if (!runs_.empty() && runs_.back().first_frame == first_frame) {
    runs_.back().label = label;
  } else if (runs_.empty() || runs_.back().label != label) {
    runs_.push_back({first_frame, label});
  }
}

int GeneratedSource::label_index(const std::string& name) {
  auto it = std::find(label_names_.begin(), label_names_.end(), name);
  if (it == label_names_.end()) it = label_names_.insert(label_names_.end(), name);
  return static_cast<int>(it - label_names_.begin());
}

int16_t saturate16(double value) {
  const double r = std::round(value);
  if (!(r > -32768.0)) return -32768;
  if (r > 32767.0) return 32767;
  return static_cast<int16_t>(r);
}

uint64_t frames_in(double seconds, SampleRate rate) {
  return static_cast<uint64_t>(std::floor(seconds * static_cast<double>(rate.hz_num) /
                                          static_cast<double>(rate.hz_den) + 1e-9));
}

double frame_time(uint64_t index, SampleRate rate) {
  return static_cast<double>(index) * static_cast<double>(rate.hz_den) / static_cast<double>(rate.hz_num);
}

}  // namespace tinysim
