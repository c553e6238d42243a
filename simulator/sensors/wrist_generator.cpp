#include "sensors/wrist_generator.h"

#include <cmath>

#include "sensors/segment_schedule.h"
#include "sensors/seeded_random.h"
#include "sensors/source_params.h"
#include "sensors/vector3.h"

namespace tinysim {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDegree = kPi / 180.0;
constexpr double kGravityMg = 1000.0;
constexpr double kBlendSeconds = 0.3;  ///< a new posture is reached over this time
enum Kind : size_t { kIdle, kWalking, kRunning, kWristRaise, kShake };

// Directions of the 1 g reading (the reaction to gravity, pointing up) in the device frame.
const Vector3 kArmHanging{-1.0, 0.0, 0.0};      // hand below the elbow
const Vector3 kFaceUp{0.0, 0.0, 1.0};           // on a desk
const Vector3 kLookingAtWatch = Vector3{0.26, 0.0, 0.97}.unit();  // forearm raised ~15 deg, face up
const Vector3 kRunningArm = Vector3{0.3, 0.95, 0.0}.unit();      // elbow bent, thumb up
const Vector3 kSwingAxis{0.0, 0.0, 1.0};        // arm swings forward/back in the x-z plane

/// Per-person figures drawn once from the seed.
struct Person {
  double walk_hz;   ///< step cadence 1.8-2.0 Hz
  double run_hz;    ///< 2.5-3.0 Hz
  double shake_hz;  ///< 4-6 Hz
  double strength;  ///< 0.85-1.15, scales every movement's amplitude
};

/// What a segment's frames need beyond the time in it.
struct SegmentShape {
  Kind kind;
  double seconds;     ///< the segment's length
  Vector3 rest_pose;  ///< idle: where the wrist lies
  double phase;       ///< random start phase of periodic motion, radians
};

/// Gait: the body bounces at the step rate (with harmonics: heel strike is not a sine)
/// while the arm swings as a pendulum at half the step rate (one swing per stride).
Vector3 gait(const Vector3& base, double step_hz, double bounce_mg, double swing_deg, double t, double phase) {
  const double w = 2.0 * kPi * step_hz;
  const double theta = swing_deg * kDegree * std::sin(0.5 * w * t + phase);
  const Vector3 down = base * std::cos(theta) + kSwingAxis * std::sin(theta);
  const Vector3 tangent = kSwingAxis * std::cos(theta) - base * std::sin(theta);
  const double bounce = bounce_mg * (std::sin(w * t + 2 * phase) + 0.45 * std::sin(2.0 * w * t + 1.1) +
                                     0.2 * std::sin(3.0 * w * t + 2.3));
  const double swing = 0.5 * bounce_mg * std::cos(0.5 * w * t + phase);
  return down * (kGravityMg + bounce) + tangent * swing;
}

/// Raise the wrist to look at the watch (first 35%), hold, lower it again (last 25%).
Vector3 wrist_raise(double t, double seconds, double strength) {
  const double p = t / seconds;
  double raised = 1.0;
  double push = 0.0;  // tangential acceleration of the forearm, mg
  if (p < 0.35) {
    raised = 0.5 - 0.5 * std::cos(kPi * p / 0.35);
    push = 350.0 * strength * std::sin(2.0 * kPi * p / 0.35);
  } else if (p > 0.75) {
    raised = 0.5 + 0.5 * std::cos(kPi * (p - 0.75) / 0.25);
    push = -350.0 * strength * std::sin(2.0 * kPi * (p - 0.75) / 0.25);
  }
  return blend_direction(kArmHanging, kLookingAtWatch, raised) * kGravityMg + kSwingAxis * push;
}

/// The reading without blending, noise or saturation, `t` seconds into the segment.
Vector3 motion(const SegmentShape& shape, const Person& person, double t) {
  switch (shape.kind) {
    case kIdle: {
      // Physiological tremor: a few mg near 9 Hz.
      const double tremor = 4.0 * std::sin(2.0 * kPi * 9.0 * t + shape.phase);
      return shape.rest_pose * (kGravityMg + tremor);
    }
    case kWalking:
      return gait(kArmHanging, person.walk_hz, 250.0 * person.strength, 20.0 * person.strength, t, shape.phase);
    case kRunning:
      return gait(kRunningArm, person.run_hz, 900.0 * person.strength, 35.0 * person.strength, t, shape.phase);
    case kWristRaise:
      return wrist_raise(t, shape.seconds, person.strength);
    case kShake: {
      const double a = 1800.0 * person.strength;
      const double w = 2.0 * kPi * person.shake_hz * t + shape.phase;
      return kLookingAtWatch * kGravityMg + Vector3{0.0, a * std::sin(w), 0.3 * a * std::sin(w + 0.5)};
    }
  }
  return {};
}

Vector3 rest_pose(SeededRandom& random) {
  const Vector3 poses[] = {kFaceUp, kArmHanging, kLookingAtWatch};
  const Vector3 tilt{random.normal(0.0, 0.15), random.normal(0.0, 0.15), random.normal(0.0, 0.15)};
  return (poses[random.below(3)] + tilt).unit();
}

}  // namespace

const std::vector<std::string>& wrist_classes() {
  static const std::vector<std::string> classes{"idle", "walking", "running", "wrist_raise", "shake"};
  return classes;
}

std::shared_ptr<GeneratedSource> generate_wrist(const WristSettings& settings, SampleRate rate, uint64_t frames,
                                                uint64_t seed) {
  SeededRandom person_random(seed, 1);
  const Person person{person_random.uniform(1.8, 2.0), person_random.uniform(2.5, 3.0),
                      person_random.uniform(4.0, 6.0), person_random.uniform(0.85, 1.15)};
  SeededRandom schedule_random(seed, 2);
  SeededRandom noise(seed, 3);
  const auto schedule = draw_schedule(schedule_random, settings.weights, settings.mean_seconds, frames, rate);

  auto source = std::make_shared<GeneratedSource>(rate, 3, wrist_classes());
  std::vector<int16_t>& samples = source->samples();
  samples.reserve(frames * 3);
  const double limit = settings.full_scale_g * 1000.0;
  Vector3 last = kArmHanging * kGravityMg;
  for (const ScheduledSegment& segment : schedule) {
    source->set_label_from(segment.first_frame, static_cast<int>(segment.kind));
    const SegmentShape shape{static_cast<Kind>(segment.kind), frame_time(segment.frames, rate),
                             rest_pose(schedule_random), schedule_random.uniform(0.0, 2.0 * kPi)};
    const Vector3 entry = last;
    for (uint64_t i = 0; i < segment.frames; ++i) {
      const double t = frame_time(i, rate);
      Vector3 reading = motion(shape, person, t);
      if (t < kBlendSeconds) {  // turn from the previous posture into this one
        const double s = 0.5 - 0.5 * std::cos(kPi * t / kBlendSeconds);
        const double size = entry.length() * (1.0 - s) + reading.length() * s;
        reading = blend_direction(entry.unit(), reading.unit(), s) * size;
      }
      last = reading;
      for (double axis : {reading.x, reading.y, reading.z}) {
        const double value = axis + noise.normal(0.0, settings.noise_mg);
        samples.push_back(saturate16(std::fmax(-limit, std::fmin(limit, value))));
      }
    }
  }
  return source;
}

Result<std::shared_ptr<const SensorSource>> make_wrist_source(const YamlFields& fields, const SourceContext& context) {
  if (auto bad = fields.only({"generator", "seed", "mix", "mean_duration", "noise_mg", "full_scale_g"})) return *bad;
  if (auto bad = expect_channels(fields, context, 3, "x, y, z in mg")) return *bad;
  if (auto bad = expect_duration(fields, context)) return *bad;
  const double hz = static_cast<double>(context.rate.hz_num) / static_cast<double>(context.rate.hz_den);
  if (hz < 20.0 || hz > 1600.0) {
    return fields.error("generator", "wrist motion needs a sensor rate from 20 Hz to 1600 Hz (50 Hz is typical), "
                                     "the sensor runs at " + describe_rate(context.rate));
  }
  WristSettings settings;
  if (auto bad = read_schedule(fields, wrist_classes(), settings.weights, settings.mean_seconds, {0.5, 3600.0, "s"})) {
    return *bad;
  }
  if (auto bad = read_numbers(fields, {{"noise_mg", &settings.noise_mg, {0.0, 1000.0, "mg"}},
                                       {"full_scale_g", &settings.full_scale_g, {2.0, 16.0, "g"}}})) {
    return *bad;
  }
  auto seed = source_seed(fields, context);
  if (!seed) return seed.error();
  return std::shared_ptr<const SensorSource>(
      generate_wrist(settings, context.rate, frames_in(context.duration_seconds, context.rate), *seed));
}

}  // namespace tinysim
