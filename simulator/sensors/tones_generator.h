#pragma once
// `generator: tones`: labelled segments of sine tones per channel plus seeded uniform
// noise (SyntheticSensorSource), read from a source map. The segment list repeats until
// the run's duration is covered.
#include <memory>

#include "sensors/source_factory.h"

namespace tinysim {

Result<std::shared_ptr<const SensorSource>> make_tones_source(const YamlFields& fields,
                                                              const SourceContext& context);

}  // namespace tinysim
