#pragma once
// Builds the sensor stream a scenario's (or a training spec's) `source:` map describes:
//   {generator: wrist|keywords|vibration|environment|tones, seed:, ...its parameters}
//   {csv: file.csv, time_column:, label_column:, columns:, scale:}
//   {wav: file.wav, labels: file.csv (optional: start,end,label rows in seconds)}
// Parameters, defaults and units of every generator: docs/sensors.md.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/yaml_fields.h"
#include "sensors/sensor_source.h"

namespace tinysim {

/// SourceContext::channels when the caller takes the source's own channel count (and
/// picks some of them afterwards: select_channels).
inline constexpr unsigned kSourceChannels = 0;

struct SourceContext {
  SampleRate rate;              ///< the sensor's rate from the scenario
  unsigned channels = 1;        ///< the sensor's channel count from the scenario, or kSourceChannels
  double duration_seconds = 0;  ///< how much stream a generator makes
  uint64_t seed = 0;            ///< the scenario's seed (a `seed:` key in the source map overrides it)
  std::string base_dir;         ///< folder relative paths (csv:, wav:) resolve against
};

/// Errors name file:line:column and the field.
Result<std::shared_ptr<const SensorSource>> make_sensor_source(const YamlFields& source,
                                                               const SourceContext& context);

/// The names `generator:` accepts.
std::vector<std::string> generator_names();

}  // namespace tinysim
