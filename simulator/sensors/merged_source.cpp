#include "sensors/merged_source.h"

#include <algorithm>

namespace tinysim {

MergedSource::MergedSource(std::vector<std::shared_ptr<const SensorSource>> parts, size_t label_part)
    : parts_(std::move(parts)), label_part_(label_part), frames_(UINT64_MAX) {
  for (const auto& part : parts_) {
    channels_ += part->channels();
    frames_ = std::min(frames_, part->frame_count().value_or(0));
  }
}

void MergedSource::read_frame(uint64_t index, int16_t* out) const {
  for (const auto& part : parts_) {
    part->read_frame(index, out);
    out += part->channels();
  }
}

std::vector<std::string> MergedSource::channel_names() const {
  std::vector<std::string> names;
  for (const auto& part : parts_) {
    std::vector<std::string> own = part->channel_names();
    own.resize(part->channels());  // unnamed parts keep their places
    names.insert(names.end(), own.begin(), own.end());
  }
  return names;
}

}  // namespace tinysim
