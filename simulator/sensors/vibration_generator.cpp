#include "sensors/vibration_generator.h"

#include <cmath>

#include "sensors/segment_schedule.h"
#include "sensors/seeded_random.h"
#include "sensors/source_params.h"

namespace tinysim {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kImpactPeakMg = 2000.0;  ///< impact peak at severity 1
constexpr double kSlip = 0.01;            ///< balls slip: each pass comes up to 1% early or late

}  // namespace

const std::vector<std::string>& vibration_classes() {
  static const std::vector<std::string> classes{"normal", "fault"};
  return classes;
}

double outer_race_defect_hz(const BearingGeometry& b, double shaft_hz) {
  return 0.5 * b.balls * shaft_hz *
         (1.0 - b.ball_diameter_mm / b.pitch_diameter_mm * std::cos(b.contact_angle_deg * kPi / 180.0));
}

std::shared_ptr<GeneratedSource> generate_vibration(const VibrationSettings& settings, SampleRate rate,
                                                    uint64_t frames, uint64_t seed) {
  SeededRandom machine(seed, 1);
  SeededRandom schedule_random(seed, 2);
  SeededRandom noise(seed, 3);
  const double shaft_hz = settings.shaft_rpm / 60.0;
  const double phases[3] = {machine.uniform(0.0, 2 * kPi), machine.uniform(0.0, 2 * kPi),
                            machine.uniform(0.0, 2 * kPi)};
  const double harmonic_share[3] = {1.0, 0.4, 0.15};
  std::vector<double> signal(frames);
  for (uint64_t i = 0; i < frames; ++i) {
    const double t = frame_time(i, rate);
    const double cycles = shaft_hz * t - std::floor(shaft_hz * t);  // keep the phase small
    double v = noise.normal(0.0, settings.noise_mg);
    for (int h = 0; h < 3; ++h) {
      v += settings.unbalance_mg * harmonic_share[h] * std::sin(2 * kPi * (h + 1) * cycles + phases[h]);
    }
    signal[i] = v;
  }

  auto source = std::make_shared<GeneratedSource>(rate, 1, vibration_classes());
  const auto schedule = draw_schedule(schedule_random, settings.weights, settings.mean_seconds, frames, rate);
  const double bpfo = outer_race_defect_hz(settings.bearing, shaft_hz);
  const double hz = static_cast<double>(rate.hz_num) / static_cast<double>(rate.hz_den);
  const double wn = 2 * kPi * settings.resonance_hz;
  const double wd = wn * std::sqrt(1.0 - settings.damping * settings.damping);
  const double decay = settings.damping * wn;
  const double ring_seconds = std::log(1000.0) / decay;  // until the ring is 60 dB down
  // The impulse response's peak is near a quarter period of the ring; scale it to 1.
  const double peak = std::exp(-decay * kPi / (2 * wd));
  for (const ScheduledSegment& segment : schedule) {
    source->set_label_from(segment.first_frame, static_cast<int>(segment.kind));
    if (segment.kind != 1) continue;
    const double start = frame_time(segment.first_frame, rate);
    const double end = frame_time(segment.first_frame + segment.frames, rate);
    for (double impact = start + schedule_random.uniform(0.0, 1.0 / bpfo); impact < end;
         impact += (1.0 + schedule_random.uniform(-kSlip, kSlip)) / bpfo) {
      const double amplitude =
          settings.fault_severity * kImpactPeakMg / peak * schedule_random.uniform(0.9, 1.1);
      auto i = static_cast<uint64_t>(std::ceil(impact * hz));
      for (; i < frames; ++i) {
        const double dt = frame_time(i, rate) - impact;
        if (dt > ring_seconds) break;
        signal[i] += amplitude * std::exp(-decay * dt) * std::sin(wd * dt);
      }
    }
  }
  std::vector<int16_t>& samples = source->samples();
  samples.reserve(frames);
  for (double v : signal) samples.push_back(saturate16(v));
  return source;
}

Result<std::shared_ptr<const SensorSource>> make_vibration_source(const YamlFields& fields,
                                                                  const SourceContext& context) {
  if (auto bad = fields.only({"generator", "seed", "mix", "mean_duration", "shaft_rpm", "unbalance_mg", "noise_mg",
                              "resonance", "damping", "fault_severity", "bearing"})) {
    return *bad;
  }
  if (auto bad = expect_channels(fields, context, 1, "acceleration in mg")) return *bad;
  if (auto bad = expect_duration(fields, context)) return *bad;
  const double hz = static_cast<double>(context.rate.hz_num) / static_cast<double>(context.rate.hz_den);
  if (hz < 500.0) {
    return fields.error("generator", "machine vibration needs a sensor rate of at least 500 Hz (3200 Hz is "
                                     "typical), the sensor runs at " + describe_rate(context.rate));
  }
  VibrationSettings s;
  if (auto bad = read_schedule(fields, vibration_classes(), s.weights, s.mean_seconds, {0.5, 86400.0, "s"})) {
    return *bad;
  }
  if (auto bad = read_numbers(fields, {
      {"shaft_rpm", &s.shaft_rpm, {60.0, 30000.0, "rpm"}},
      {"unbalance_mg", &s.unbalance_mg, {0.0, 10000.0, "mg"}},
      {"noise_mg", &s.noise_mg, {0.0, 10000.0, "mg"}},
      {"damping", &s.damping, {0.005, 0.5, ""}},
      {"fault_severity", &s.fault_severity, {0.0, 1.0, ""}},
      })) {
    return *bad;
  }
  auto resonance = optional_quantity(fields, "resonance", Dimension::Frequency, s.resonance_hz, {50.0, 0.45 * hz, "Hz"});
  if (!resonance) {
    Error e = resonance.error();
    e.message += " (below 45% of the sensor's rate)";
    return e;
  }
  s.resonance_hz = *resonance;
  if (fields.has("bearing")) {
    auto bearing = fields.map("bearing");
    if (!bearing) return bearing.error();
    if (auto bad = bearing->only({"balls", "ball_diameter_mm", "pitch_diameter_mm", "contact_angle_deg"})) return *bad;
    auto balls = optional_number(*bearing, "balls", s.bearing.balls, {3.0, 100.0, "balls"});
    if (!balls) return balls.error();
    if (*balls != std::floor(*balls)) return bearing->error("balls", "expected a whole number of balls");
    s.bearing.balls = static_cast<unsigned>(*balls);
    auto ball = optional_number(*bearing, "ball_diameter_mm", s.bearing.ball_diameter_mm, {0.5, 500.0, "mm"});
    if (!ball) return ball.error();
    s.bearing.ball_diameter_mm = *ball;
    auto pitch = optional_number(*bearing, "pitch_diameter_mm", s.bearing.pitch_diameter_mm, {1.0, 2000.0, "mm"});
    if (!pitch) return pitch.error();
    if (!(*pitch > *ball * 1.5)) {
      return bearing->error("pitch_diameter_mm", "the pitch diameter must exceed 1.5 ball diameters");
    }
    s.bearing.pitch_diameter_mm = *pitch;
    auto angle = optional_number(*bearing, "contact_angle_deg", s.bearing.contact_angle_deg, {0.0, 45.0, "degrees"});
    if (!angle) return angle.error();
    s.bearing.contact_angle_deg = *angle;
  }
  auto seed = source_seed(fields, context);
  if (!seed) return seed.error();
  return std::shared_ptr<const SensorSource>(
      generate_vibration(s, context.rate, frames_in(context.duration_seconds, context.rate), *seed));
}

}  // namespace tinysim
