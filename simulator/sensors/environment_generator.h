#pragma once
// `generator: environment`: a slow 3-channel environmental station — temperature
// (centi-degrees C), relative humidity (centi-percent) and light (lux) — with diurnal
// cycles, weather drift, cold nights and labelled events (frost risk, watering, door
// open) on a seeded schedule. Physics and figures: docs/sensors.md.
#include <memory>
#include <string>
#include <vector>

#include "sensors/generated_source.h"
#include "sensors/source_factory.h"

namespace tinysim {

const std::vector<std::string>& environment_classes();  // normal, frost_risk, watering, door_open

struct EnvironmentSettings {
  double mean_temperature_c = 12.0;
  double diurnal_amplitude_c = 6.0;  ///< half the day-night swing; warmest at 15:00
  double weather_sd_c = 3.0;         ///< day-to-day drift (AR(1), 2-day time constant)
  double cold_night_share = 0.2;     ///< nights that drop 8-12 C below the usual by 05:00
  double frost_threshold_c = 2.0;    ///< frost_risk while the air is below this
  double dew_point_spread_c = 5.0;   ///< mean temperature minus mean dew point
  double peak_lux = 20000.0;         ///< clear-sky light at noon
  double sunrise_hour = 6.0;
  double day_length_hours = 12.0;
  double start_hour = 0.0;           ///< time of day of the first frame
  double waterings_per_day = 2.0;
  double door_openings_per_day = 4.0;
};

std::shared_ptr<GeneratedSource> generate_environment(const EnvironmentSettings& settings, SampleRate rate,
                                                      uint64_t frames, uint64_t seed);

Result<std::shared_ptr<const SensorSource>> make_environment_source(const YamlFields& fields,
                                                                    const SourceContext& context);

}  // namespace tinysim
