#pragma once
// Builds a source from YAML text as a scenario would, for the sensor tests.
#include <yaml-cpp/yaml.h>

#include "sensors/source_factory.h"

namespace tinysim {

inline SourceContext test_context(SampleRate rate, unsigned channels, double seconds, uint64_t seed = 1) {
  SourceContext c;
  c.rate = rate;
  c.channels = channels;
  c.duration_seconds = seconds;
  c.seed = seed;
  c.base_dir = TINYSIM_SOURCE_DIR;
  return c;
}

/// The YAML text is the `source:` map of a file named scenario.yaml.
inline Result<std::shared_ptr<const SensorSource>> source_from_yaml(const std::string& yaml,
                                                                    const SourceContext& context) {
  return make_sensor_source(YamlFields(YAML::Load(yaml), "scenario.yaml", "source"), context);
}

inline std::vector<int16_t> frames_of(const SensorSource& s, uint64_t first, uint64_t count) {
  std::vector<int16_t> out(count * s.channels());
  for (uint64_t i = 0; i < count; ++i) s.read_frame(first + i, out.data() + i * s.channels());
  return out;
}

}  // namespace tinysim
