#pragma once
// Some of a source's channels, as one sensor of a node reads them: a scenario's
// `take: [light]` over `generator: environment` (temperature, humidity, light) gives the
// light sensor one channel of the same simulated world the climate sensor sees.
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/yaml_fields.h"
#include "sensors/sensor_source.h"

namespace tinysim {

class ChannelSelection : public SensorSource {
 public:
  /// `picks` index the source's channels, in the order the new stream gives them.
  ChannelSelection(std::shared_ptr<const SensorSource> source, std::vector<unsigned> picks);

  unsigned channels() const override { return static_cast<unsigned>(picks_.size()); }
  SampleRate rate() const override { return source_->rate(); }
  std::optional<uint64_t> frame_count() const override { return source_->frame_count(); }
  void read_frame(uint64_t index, int16_t* out) const override;
  int label(uint64_t index) const override { return source_->label(index); }
  std::vector<std::string> label_names() const override { return source_->label_names(); }
  std::vector<std::string> channel_names() const override;

 private:
  std::shared_ptr<const SensorSource> source_;
  std::vector<unsigned> picks_;
};

/// The channels `take` names (channel names, or indices from 0) of `source`; errors are
/// located at `fields`' `take` key and list the channels the source has.
Result<std::shared_ptr<const SensorSource>> select_channels(std::shared_ptr<const SensorSource> source,
                                                            const std::vector<std::string>& take,
                                                            const YamlFields& fields);

}  // namespace tinysim
