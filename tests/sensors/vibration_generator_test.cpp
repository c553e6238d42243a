#include "sensors/vibration_generator.h"

#include <gtest/gtest.h>

#include "signal_checks.h"
#include "source_yaml.h"

namespace tinysim {
namespace {

const SampleRate k3200Hz{3200, 1};

struct LabelRun {
  uint64_t first;
  uint64_t frames;
  int label;
};

std::vector<LabelRun> runs(const SensorSource& s) {
  std::vector<LabelRun> out;
  for (uint64_t i = 0; i < s.frame_count().value(); ++i) {
    if (out.empty() || out.back().label != s.label(i)) out.push_back({i, 0, s.label(i)});
    ++out.back().frames;
  }
  return out;
}

/// Energy envelope of the high-passed signal ((x[n] - x[n-1])^2): bearing impacts ring the
/// resonance, so their repetition rate shows up here while the shaft lines do not.
std::vector<double> envelope(const GeneratedSource& s, uint64_t first, uint64_t count) {
  std::vector<double> e;
  for (uint64_t i = first + 1; i < first + count; ++i) {
    const double d = double(s.samples()[i]) - s.samples()[i - 1];
    e.push_back(d * d);
  }
  return e;
}

TEST(VibrationGenerator, BallPassFrequencyFromGeometry) {
  // 6205 bearing at 1480 rpm: 9/2 * 24.667 Hz * (1 - 7.94/39.04) = 88.4247 Hz.
  EXPECT_NEAR(outer_race_defect_hz(BearingGeometry{}, 1480.0 / 60.0), 88.4247, 1e-4);
  BearingGeometry angled{8, 10.0, 50.0, 60.0};  // cos 60 = 0.5: 4 * f * 0.9
  EXPECT_NEAR(outer_race_defect_hz(angled, 10.0), 36.0, 1e-12);
}

TEST(VibrationGenerator, SameSeedSameFramesOtherSeedOtherFrames) {
  const SourceContext c = test_context(k3200Hz, 1, 30.0, 4);
  auto a = source_from_yaml("{generator: vibration}", c);
  auto b = source_from_yaml("{generator: vibration}", c);
  auto d = source_from_yaml("{generator: vibration, seed: 5}", c);
  ASSERT_TRUE(a.ok() && b.ok() && d.ok()) << a.error().describe();
  EXPECT_EQ((*a)->frame_count(), std::optional<uint64_t>(96000));
  EXPECT_EQ(frames_of(**a, 0, 96000), frames_of(**b, 0, 96000));
  EXPECT_NE(frames_of(**a, 0, 96000), frames_of(**d, 0, 96000));
}

TEST(VibrationGenerator, ShaftLinesAtTheirAmplitudes) {
  VibrationSettings s;
  s.weights = {1.0, 0.0};
  auto v = generate_vibration(s, k3200Hz, 3200 * 10, 1);
  std::vector<double> x(v->samples().begin(), v->samples().end());
  const double f = 1480.0 / 60.0;
  EXPECT_NEAR(amplitude_at(x, 3200.0, f), 150.0, 3.0);
  EXPECT_NEAR(amplitude_at(x, 3200.0, 2 * f), 60.0, 3.0);
  EXPECT_NEAR(amplitude_at(x, 3200.0, 3 * f), 22.5, 3.0);
  // Broadband noise: what is left is ~20 mg rms (+ 0.29 mg of rounding).
  const double lines = (150.0 * 150.0 + 60.0 * 60.0 + 22.5 * 22.5) / 2.0;
  EXPECT_NEAR(std::sqrt(rms(x) * rms(x) - lines), 20.0, 0.5);
}

TEST(VibrationGenerator, BearingFaultEnergyAtBpfoOnlyInFaultSegments) {
  VibrationSettings settings;
  const double bpfo = outer_race_defect_hz(settings.bearing, settings.shaft_rpm / 60.0);
  auto v = generate_vibration(settings, k3200Hz, 3200 * 240, 9);
  double weakest_fault = 1e300, strongest_normal = 0.0;
  int faults = 0, normals = 0;
  for (const LabelRun& run : runs(*v)) {
    if (run.frames < 3200 * 5) continue;
    // The middle 4 s of the segment.
    const auto e = envelope(*v, run.first + (run.frames - 3200 * 4) / 2, 3200 * 4);
    const double at_bpfo = amplitude_at(e, 3200.0, bpfo);
    if (run.label == 1) {
      ++faults;
      EXPECT_NEAR(strongest_frequency(e, 3200.0, 40.0, 150.0, 0.1), bpfo, 0.3) << "segment at " << run.first;
      weakest_fault = std::min(weakest_fault, at_bpfo);
    } else {
      ++normals;
      strongest_normal = std::max(strongest_normal, at_bpfo);
    }
  }
  EXPECT_GE(faults, 2);
  EXPECT_GE(normals, 2);
  EXPECT_GT(weakest_fault, 1000.0 * strongest_normal);  // seen: 181540 against 28.9
}

TEST(VibrationGenerator, SeverityScalesTheImpacts) {
  VibrationSettings s;
  s.weights = {0.0, 1.0};
  s.noise_mg = 0.0;
  s.unbalance_mg = 0.0;
  for (double severity : {0.25, 1.0}) {
    s.fault_severity = severity;
    auto v = generate_vibration(s, k3200Hz, 3200 * 5, 2);
    int16_t peak = 0;
    for (int16_t x : v->samples()) peak = std::max<int16_t>(peak, static_cast<int16_t>(std::abs(x)));
    // Impact peaks are severity * 2000 mg, +-10%.
    EXPECT_GE(peak, severity * 2000.0 * 0.9 * 0.97) << severity;
    EXPECT_LE(peak, severity * 2000.0 * 1.1 * 1.01) << severity;
  }
}

TEST(VibrationGenerator, LabelsFollowTheMix) {
  VibrationSettings s;
  auto v = generate_vibration(s, SampleRate{500, 1}, 500 * 3600 * 2, 3);
  double fault = 0.0;
  for (uint64_t i = 0; i < v->frame_count().value(); i += 10) fault += v->label(i) == 1;
  // 1 x 10 s against 3 x 20 s: faults hold 1/7 of the stream.
  EXPECT_NEAR(fault / (double(v->frame_count().value()) / 10.0), 1.0 / 7.0, 0.025);
  EXPECT_EQ(v->label_names(), (std::vector<std::string>{"normal", "fault"}));
}

TEST(VibrationGenerator, Errors) {
  const SourceContext c = test_context(k3200Hz, 1, 10.0);
  auto resonance = source_from_yaml("generator: vibration\nresonance: 2 kHz\n", c);
  ASSERT_FALSE(resonance.ok());
  EXPECT_EQ(resonance.error().describe(), "scenario.yaml:2:12: source.resonance: expected a value from 50 to 1440 Hz, "
                                          "got 2000 Hz (below 45% of the sensor's rate)");
  auto bearing = source_from_yaml("generator: vibration\nbearing: {ball_diameter_mm: 30}\n", c);
  ASSERT_FALSE(bearing.ok());
  EXPECT_EQ(bearing.error().describe(), "scenario.yaml:2:10: source.bearing.pitch_diameter_mm: the pitch diameter must "
                                        "exceed 1.5 ball diameters");
  auto severity = source_from_yaml("generator: vibration\nfault_severity: 2\n", c);
  ASSERT_FALSE(severity.ok());
  EXPECT_EQ(severity.error().describe(),
            "scenario.yaml:2:17: source.fault_severity: expected a value from 0 to 1, got 2");
  auto rate = source_from_yaml("generator: vibration\n", test_context(SampleRate{100, 1}, 1, 10.0));
  ASSERT_FALSE(rate.ok());
  EXPECT_NE(rate.error().message.find("at least 500 Hz"), std::string::npos);
}

}  // namespace
}  // namespace tinysim
