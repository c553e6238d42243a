#include "sensors/environment_generator.h"

#include <gtest/gtest.h>

#include <cmath>

#include "signal_checks.h"
#include "source_yaml.h"

namespace tinysim {
namespace {

const SampleRate kEvery10s{1, 10};
constexpr uint64_t kFramesPerDay = 8640;

std::vector<double> channel(const GeneratedSource& s, unsigned c) {
  std::vector<double> v;
  for (size_t i = c; i < s.samples().size(); i += 3) v.push_back(s.samples()[i]);
  return v;
}

TEST(EnvironmentGenerator, SameSeedSameFramesOtherSeedOtherFrames) {
  const SourceContext c = test_context(kEvery10s, 3, 3 * 86400.0, 4);
  auto a = source_from_yaml("{generator: environment}", c);
  auto b = source_from_yaml("{generator: environment}", c);
  auto d = source_from_yaml("{generator: environment, seed: 5}", c);
  ASSERT_TRUE(a.ok() && b.ok() && d.ok()) << a.error().describe();
  EXPECT_EQ((*a)->frame_count(), std::optional<uint64_t>(3 * kFramesPerDay));
  EXPECT_EQ(frames_of(**a, 0, 3 * kFramesPerDay), frames_of(**b, 0, 3 * kFramesPerDay));
  EXPECT_NE(frames_of(**a, 0, 3 * kFramesPerDay), frames_of(**d, 0, 3 * kFramesPerDay));
}

TEST(EnvironmentGenerator, DiurnalPeriodOfTemperatureAndLight) {
  EnvironmentSettings settings;
  settings.cold_night_share = 0.0;  // cold nights deepen the daily line by ~1 C
  auto s = generate_environment(settings, kEvery10s, 10 * kFramesPerDay, 7);
  const double per_day = 1.0 / 86400.0;
  const double rate = 0.1;
  // Strongest line between 0.5 and 3 cycles per day is one per day.
  EXPECT_NEAR(strongest_frequency(channel(*s, 0), rate, 0.5 * per_day, 3.0 * per_day, 0.02 * per_day), per_day,
              0.02 * per_day);
  EXPECT_NEAR(strongest_frequency(channel(*s, 2), rate, 0.5 * per_day, 3.0 * per_day, 0.02 * per_day), per_day,
              0.02 * per_day);
  // The daily line of temperature has the diurnal amplitude, 6 C = 600 centi-degrees
  // (weather drift, watering and doors add a little).
  EXPECT_NEAR(amplitude_at(channel(*s, 0), rate, per_day), 600.0, 30.0);
}

TEST(EnvironmentGenerator, DarkAtNightUnlessTheDoorIsOpen) {
  EnvironmentSettings settings;
  settings.cold_night_share = 0.0;   // no frost-risk spell (it would hold through a door)
  settings.frost_threshold_c = -10.0;
  auto s = generate_environment(settings, kEvery10s, 10 * kFramesPerDay, 3);
  int dark_checked = 0;
  for (uint64_t i = 0; i < s->frame_count().value(); ++i) {
    const double hour = std::fmod(double(i) * 10.0, 86400.0) / 3600.0;
    const bool night = hour < 6.0 || hour >= 18.0;
    if (!night) continue;
    if (s->label(i) == 3) {
      EXPECT_GT(s->samples()[i * 3 + 2], 700) << "frame " << i;  // the lamp's 800 lux
    } else {
      EXPECT_EQ(s->samples()[i * 3 + 2], 0) << "frame " << i;
      ++dark_checked;
    }
  }
  EXPECT_GT(dark_checked, 40000);
}

TEST(EnvironmentGenerator, HumidityIsBoundedAndFallsAsTheAirWarms) {
  EnvironmentSettings settings;
  settings.waterings_per_day = 0.0;
  auto s = generate_environment(settings, kEvery10s, 10 * kFramesPerDay, 3);
  const auto t = channel(*s, 0);
  const auto rh = channel(*s, 1);
  double mt = 0, mh = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    EXPECT_GE(rh[i], 0.0);
    EXPECT_LE(rh[i], 10000.0);
    mt += t[i];
    mh += rh[i];
  }
  mt /= double(t.size());
  mh /= double(t.size());
  double cov = 0, vt = 0, vh = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    cov += (t[i] - mt) * (rh[i] - mh);
    vt += (t[i] - mt) * (t[i] - mt);
    vh += (rh[i] - mh) * (rh[i] - mh);
  }
  EXPECT_LT(cov / std::sqrt(vt * vh), -0.7);
}

TEST(EnvironmentGenerator, FrostRiskIsAColdSpellWithHysteresis) {
  EnvironmentSettings settings;
  settings.cold_night_share = 0.5;
  settings.waterings_per_day = 0.0;
  settings.door_openings_per_day = 0.0;
  auto s = generate_environment(settings, kEvery10s, 30 * kFramesPerDay, 5);
  const uint64_t frames = s->frame_count().value();
  auto celsius = [&](uint64_t i) { return s->samples()[i * 3] / 100.0; };  // noise: 0.05 C rms
  // Maximal runs of frames where `holds` is true, as (first frame, length).
  auto runs = [&](auto holds) {
    std::vector<std::pair<uint64_t, uint64_t>> out;
    for (uint64_t i = 0; i < frames; ++i)
      if (holds(i)) {
        if (out.empty() || out.back().first + out.back().second != i) out.push_back({i, 0});
        ++out.back().second;
      }
    return out;
  };
  const auto spells = runs([&](uint64_t i) { return s->label(i) == 1; });
  EXPECT_GT(spells.size(), 5u);
  for (const auto& [first, length] : spells) {
    EXPECT_LT(celsius(first), 2.0 + 0.3) << "frame " << first;  // starts under the 2 C threshold
    EXPECT_GE(length, 30u) << "frame " << first;                 // lasts 5 minutes or more
    for (uint64_t i = first; i < first + length; ++i)
      EXPECT_LT(celsius(i), 2.5 + 0.3) << "frame " << i;         // ends 0.5 C above the threshold
  }
  // Colder air outside a spell: only brief dips.
  for (const auto& [first, length] : runs([&](uint64_t i) { return s->label(i) != 1 && celsius(i) < 2.0 - 0.3; }))
    EXPECT_LT(length, 30u) << "frame " << first;
  for (uint64_t i = 0; i < frames; ++i)
    EXPECT_TRUE(s->label(i) == 0 || s->label(i) == 1) << "frame " << i;  // no other events
}

TEST(EnvironmentGenerator, WateringLiftsHumidityAndEventsFollowTheirRates) {
  EnvironmentSettings settings;
  auto s = generate_environment(settings, kEvery10s, 100 * kFramesPerDay, 9);
  int waterings = 0, doors = 0;
  for (uint64_t i = 1; i < s->frame_count().value(); ++i) {
    const int label = s->label(i), before = s->label(i - 1);
    if (label == 2 && before != 2) ++waterings;
    if (label == 2 && (before == 0 || before == 1)) {  // a watering starts (not one a door hid)
      // Within 10 s of the start the spike of up to 25 %RH shows (unless the air is near saturation).
      const int rise = s->samples()[i * 3 + 1] - s->samples()[(i - 1) * 3 + 1];
      if (s->samples()[(i - 1) * 3 + 1] < 7000) {
        EXPECT_GT(rise, 1500) << "frame " << i;
      }
    }
    if (label == 3 && before != 3) ++doors;
  }
  // Poisson counts over 100 days: 2/day and 4/day (a few hide under another event).
  EXPECT_NEAR(waterings, 200, 40);
  EXPECT_NEAR(doors, 400, 60);
  EXPECT_EQ(s->label_names(), (std::vector<std::string>{"normal", "frost_risk", "watering", "door_open"}));
}

TEST(EnvironmentGenerator, Errors) {
  const SourceContext c = test_context(kEvery10s, 3, 86400.0);
  auto key = source_from_yaml("generator: environment\nsunrise: 6\n", c);
  ASSERT_FALSE(key.ok());
  EXPECT_NE(key.error().describe().find("scenario.yaml:2:1: source.sunrise: unknown key 'sunrise'; expected one of: "
                                        "generator, seed, mean_temperature_c"),
            std::string::npos)
      << key.error().describe();
  auto lux = source_from_yaml("generator: environment\npeak_lux: 100000\n", c);
  ASSERT_FALSE(lux.ok());
  EXPECT_EQ(lux.error().describe(),
            "scenario.yaml:2:11: source.peak_lux: expected a value from 0 to 32767 lux, got 100000 lux");
  auto fast = source_from_yaml("generator: environment\n", test_context(SampleRate{100, 1}, 3, 60.0));
  ASSERT_FALSE(fast.ok());
  EXPECT_NE(fast.error().message.find("at most 10 Hz"), std::string::npos);
  auto channels = source_from_yaml("generator: environment\n", test_context(kEvery10s, 1, 86400.0));
  ASSERT_FALSE(channels.ok());
  EXPECT_EQ(channels.error().message, "this source makes 3 channels (temperature in 0.01 C, humidity in 0.01 %RH, "
                                      "light in lux), the sensor has 1");
}

}  // namespace
}  // namespace tinysim
