#include "sensors/channel_selection.h"

#include <algorithm>
#include <cstdlib>

namespace tinysim {

ChannelSelection::ChannelSelection(std::shared_ptr<const SensorSource> source, std::vector<unsigned> picks)
    : source_(std::move(source)), picks_(std::move(picks)) {}

void ChannelSelection::read_frame(uint64_t index, int16_t* out) const {
  // On the stack (no state: sources are read from several threads); wide recordings on the heap.
  constexpr unsigned kOnStack = 32;
  int16_t small[kOnStack];
  std::vector<int16_t> large(source_->channels() > kOnStack ? source_->channels() : 0);
  int16_t* frame = large.empty() ? small : large.data();
  source_->read_frame(index, frame);
  for (size_t i = 0; i < picks_.size(); ++i) out[i] = frame[picks_[i]];
}

std::vector<std::string> ChannelSelection::channel_names() const {
  const std::vector<std::string> all = source_->channel_names();
  std::vector<std::string> names;
  if (all.size() != source_->channels()) return names;
  for (unsigned pick : picks_) names.push_back(all[pick]);
  return names;
}

Result<std::shared_ptr<const SensorSource>> select_channels(std::shared_ptr<const SensorSource> source,
                                                            const std::vector<std::string>& take,
                                                            const YamlFields& fields) {
  const std::vector<std::string> names = source->channel_names();
  std::vector<unsigned> picks;
  for (const std::string& wanted : take) {
    auto named = std::find(names.begin(), names.end(), wanted);
    char* end = nullptr;
    const unsigned long index = std::strtoul(wanted.c_str(), &end, 10);
    if (named != names.end()) {
      picks.push_back(static_cast<unsigned>(named - names.begin()));
    } else if (!wanted.empty() && *end == '\0' && wanted[0] != '-' && index < source->channels()) {
      picks.push_back(static_cast<unsigned>(index));
    } else {
      std::string known;
      for (const std::string& n : names) known += (known.empty() ? "" : ", ") + n;
      return fields.error("take", "the source has no channel '" + wanted + "'; it has " +
                                      std::to_string(source->channels()) + " (" +
                                      (known.empty() ? "unnamed" : known) + "; indices from 0)");
    }
  }
  return std::shared_ptr<const SensorSource>(std::make_shared<ChannelSelection>(std::move(source), std::move(picks)));
}

}  // namespace tinysim
