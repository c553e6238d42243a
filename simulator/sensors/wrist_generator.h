#pragma once
// `generator: wrist`: a 3-axis wrist-worn accelerometer (x along the forearm towards the
// hand, y across the wrist, z out of the watch face), in mg counts with gravity included,
// through a seeded schedule of labelled activities. Physics and figures: docs/sensors.md.
#include <memory>
#include <string>
#include <vector>

#include "sensors/generated_source.h"
#include "sensors/source_factory.h"

namespace tinysim {

/// The classes, in label order.
const std::vector<std::string>& wrist_classes();  // idle, walking, running, wrist_raise, shake

struct WristSettings {
  std::vector<double> weights{3.0, 3.0, 2.0, 1.0, 1.0};      ///< per class: how often it is drawn
  std::vector<double> mean_seconds{8.0, 12.0, 10.0, 2.0, 2.0};  ///< per class: mean segment length
  double noise_mg = 3.0;     ///< rms sensor noise per axis
  double full_scale_g = 4.0; ///< readings saturate at +-full scale
};

/// The person (cadences, strength) and the schedule both come from `seed`.
std::shared_ptr<GeneratedSource> generate_wrist(const WristSettings& settings, SampleRate rate, uint64_t frames,
                                                uint64_t seed);

Result<std::shared_ptr<const SensorSource>> make_wrist_source(const YamlFields& fields, const SourceContext& context);

}  // namespace tinysim
