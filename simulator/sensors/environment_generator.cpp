#include "sensors/environment_generator.h"

#include <algorithm>
#include <cmath>

#include "sensors/seeded_random.h"
#include "sensors/source_params.h"

namespace tinysim {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDay = 86400.0;
constexpr double kHour = 3600.0;
enum Label : int { kNormal, kFrostRisk, kWatering, kDoorOpen };

constexpr double kWateringSeconds = 1200.0;  ///< the watering label's span
constexpr double kWateringDecay = 600.0;     ///< time constant of the humidity spike
/// A frost-risk spell ends only once the air is this much above the threshold again, as a
/// frost alarm's hysteresis: without it, air drifting around the threshold would make a
/// string of one-frame "events" out of one cold spell.
constexpr double kFrostHysteresisC = 0.5;
/// Shorter cold spells (a door's draught) put no plant at risk.
constexpr double kFrostMinSeconds = 300.0;

/// Frames in frost-risk spells of the air temperature `air` (before sensor noise): from
/// under `threshold` until back kFrostHysteresisC above it, spells of kFrostMinSeconds or more.
std::vector<bool> frost_spells(const std::vector<double>& air, double threshold, double step_seconds) {
  std::vector<bool> frost(air.size(), false);
  const auto min_frames = static_cast<size_t>(std::ceil(kFrostMinSeconds / step_seconds));
  for (size_t i = 0; i < air.size();) {
    if (air[i] >= threshold) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < air.size() && air[end] < threshold + kFrostHysteresisC) ++end;
    if (end - i >= min_frames) std::fill(frost.begin() + long(i), frost.begin() + long(end), true);
    i = end;
  }
  return frost;
}

struct Event {
  double start;  ///< seconds from the first frame
  double seconds;
};

/// Events as a Poisson process of `per_day` events per day over `span` seconds.
std::vector<Event> draw_events(SeededRandom& random, double per_day, double span, double min_s, double max_s) {
  std::vector<Event> events;
  if (per_day <= 0.0) return events;
  for (double t = random.exponential(kDay / per_day); t < span; t += random.exponential(kDay / per_day)) {
    events.push_back({t, random.uniform(min_s, max_s)});
  }
  return events;
}

/// Water vapour saturation term of the Magnus formula (Sensirion's constants over water:
/// 17.62, 243.12 C): RH = 100 * exp(magnus(dew point) - magnus(temperature)).
double magnus(double celsius) { return 17.62 * celsius / (243.12 + celsius); }

/// AR(1) noise with a time constant, unit deviation, stepped once per frame.
class Drift {
 public:
  Drift(SeededRandom& random, double step_seconds, double time_constant)
      : random_(random), keep_(std::exp(-step_seconds / time_constant)), value_(random.normal()) {}
  double next() {
    value_ = keep_ * value_ + std::sqrt(1.0 - keep_ * keep_) * random_.normal();
    return value_;
  }

 private:
  SeededRandom& random_;
  double keep_;
  double value_;
};

}  // namespace

const std::vector<std::string>& environment_classes() {
  static const std::vector<std::string> classes{"normal", "frost_risk", "watering", "door_open"};
  return classes;
}

std::shared_ptr<GeneratedSource> generate_environment(const EnvironmentSettings& s, SampleRate rate, uint64_t frames,
                                                      uint64_t seed) {
  SeededRandom weather(seed, 1);
  SeededRandom events_random(seed, 2);
  SeededRandom noise(seed, 3);
  const double step = frame_time(1, rate);
  const double span = frame_time(frames, rate);
  Drift temperature_drift(weather, step, 2.0 * kDay);
  Drift dew_drift(weather, step, 3.0 * kDay);
  Drift clouds(weather, step, 0.5 * kHour);
  // Each night's extra cooling (0 on ordinary nights), deepest at 05:00.
  std::vector<double> night_drop;
  const double start = s.start_hour * kHour;
  for (double day = 0.0; day * kDay <= start + span + kDay; day += 1.0) {
    night_drop.push_back(weather.uniform() < s.cold_night_share ? weather.uniform(8.0, 12.0) : 0.0);
  }
  const auto waterings = draw_events(events_random, s.waterings_per_day, span, kWateringSeconds, kWateringSeconds);
  const auto doors = draw_events(events_random, s.door_openings_per_day, span, 120.0, 600.0);

  auto source = std::make_shared<GeneratedSource>(rate, 3, environment_classes());
  source->set_channel_names({"temperature", "humidity", "light"});
  std::vector<int16_t>& samples = source->samples();
  samples.reserve(frames * 3);
  size_t next_watering = 0, next_door = 0;
  std::vector<double> air;  // before sensor noise, for the frost-risk labels
  std::vector<int> labels;   // the events'
  air.reserve(frames);
  labels.reserve(frames);
  for (uint64_t i = 0; i < frames; ++i) {
    const double t = frame_time(i, rate);
    const double clock = start + t;                     // seconds since midnight of day 0
    const double hour = std::fmod(clock, kDay) / kHour;
    double temperature = s.mean_temperature_c + s.weather_sd_c * temperature_drift.next() +
                         s.diurnal_amplitude_c * std::cos(2.0 * kPi * (hour - 15.0) / 24.0);
    const auto today = static_cast<size_t>(clock / kDay);
    for (size_t d = today; d <= today + 1 && d < night_drop.size(); ++d) {
      const double hours_from_5am = (clock - (static_cast<double>(d) * kDay + 5.0 * kHour)) / kHour;
      temperature -= night_drop[d] * std::exp(-hours_from_5am * hours_from_5am / (2.0 * 3.0 * 3.0));
    }
    const double day_fraction = (hour - s.sunrise_hour) / s.day_length_hours;
    const double clear_sky = day_fraction > 0.0 && day_fraction < 1.0 ? s.peak_lux * std::sin(kPi * day_fraction) : 0.0;
    const double cloudiness = std::clamp(0.4 + 0.3 * clouds.next(), 0.0, 1.0);
    double light = clear_sky * (1.0 - 0.75 * cloudiness);
    double humidity_boost = 0.0;
    int label = kNormal;

    // Watering: evaporation lifts humidity and cools the air, decaying over ~10 min.
    while (next_watering < waterings.size() && waterings[next_watering].start + kWateringSeconds * 4 < t) {
      ++next_watering;
    }
    for (size_t k = next_watering; k < waterings.size() && waterings[k].start <= t; ++k) {
      const double since = t - waterings[k].start;
      humidity_boost += 25.0 * std::exp(-since / kWateringDecay);
      temperature -= 1.5 * std::exp(-since / kWateringDecay);
      if (since < kWateringSeconds) label = kWatering;
    }
    // Door open: daylight (or the room's lamp at night) floods in and outside air cools the
    // room towards 2 C lower; after closing it recovers with the same 2-min time constant.
    while (next_door < doors.size() && doors[next_door].start + doors[next_door].seconds + 1200.0 < t) ++next_door;
    for (size_t k = next_door; k < doors.size() && doors[k].start <= t; ++k) {
      const double since = t - doors[k].start;
      const double open = doors[k].seconds;
      const double cooled = 2.0 * (1.0 - std::exp(-std::min(since, open) / 120.0));
      temperature -= since < open ? cooled : cooled * std::exp(-(since - open) / 120.0);
      if (since < open) {
        light += 800.0 + 0.5 * clear_sky;
        label = kDoorOpen;
      }
    }
    const double dew_point = s.mean_temperature_c - s.dew_point_spread_c + 2.0 * dew_drift.next();
    const double humidity =
        std::min(100.0, 100.0 * std::exp(magnus(std::min(dew_point, temperature)) - magnus(temperature)) + humidity_boost);
    air.push_back(temperature);
    labels.push_back(label);
    samples.push_back(saturate16(100.0 * (temperature + noise.normal(0.0, 0.05))));
    samples.push_back(saturate16(100.0 * std::clamp(humidity + noise.normal(0.0, 0.3), 0.0, 100.0)));
    samples.push_back(saturate16(light * (1.0 + noise.normal(0.0, 0.02))));
  }
  // One label per frame: a frost-risk spell holds through a watering or an open door (the
  // air stays under the threshold; frost is the alert that matters then).
  const std::vector<bool> frost = frost_spells(air, s.frost_threshold_c, step);
  for (uint64_t i = 0; i < frames; ++i) source->set_label_from(i, frost[i] ? kFrostRisk : labels[i]);
  return source;
}

Result<std::shared_ptr<const SensorSource>> make_environment_source(const YamlFields& fields,
                                                                    const SourceContext& context) {
  EnvironmentSettings s;
  const std::vector<NumberParam> numbers{
      {"mean_temperature_c", &s.mean_temperature_c, {-40.0, 60.0, "C"}},
      {"diurnal_amplitude_c", &s.diurnal_amplitude_c, {0.0, 20.0, "C"}},
      {"weather_sd_c", &s.weather_sd_c, {0.0, 15.0, "C"}},
      {"cold_night_share", &s.cold_night_share, {0.0, 1.0, ""}},
      {"frost_threshold_c", &s.frost_threshold_c, {-10.0, 10.0, "C"}},
      {"dew_point_spread_c", &s.dew_point_spread_c, {0.0, 30.0, "C"}},
      {"peak_lux", &s.peak_lux, {0.0, 32767.0, "lux"}},
      {"sunrise_hour", &s.sunrise_hour, {0.0, 23.0, "h"}},
      {"day_length_hours", &s.day_length_hours, {1.0, 23.0, "h"}},
      {"start_hour", &s.start_hour, {0.0, 24.0, "h"}},
      {"waterings_per_day", &s.waterings_per_day, {0.0, 100.0, "per day"}},
      {"door_openings_per_day", &s.door_openings_per_day, {0.0, 100.0, "per day"}},
  };
  std::vector<std::string_view> known{"generator", "seed"};
  for (const NumberParam& n : numbers) known.push_back(n.key);
  if (auto bad = fields.only(known)) return *bad;
  if (auto bad = expect_channels(fields, context, 3, "temperature in 0.01 C, humidity in 0.01 %RH, light in lux")) {
    return *bad;
  }
  if (auto bad = expect_duration(fields, context)) return *bad;
  const double hz = static_cast<double>(context.rate.hz_num) / static_cast<double>(context.rate.hz_den);
  if (hz > 10.0) {
    return fields.error("generator", "environmental series are slow: the sensor rate must be at most 10 Hz (one "
                                     "sample per 10 s is typical), it runs at " + describe_rate(context.rate));
  }
  if (auto bad = read_numbers(fields, numbers)) return *bad;
  auto seed = source_seed(fields, context);
  if (!seed) return seed.error();
  return std::shared_ptr<const SensorSource>(
      generate_environment(s, context.rate, frames_in(context.duration_seconds, context.rate), *seed));
}

}  // namespace tinysim
