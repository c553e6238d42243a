#pragma once
// `generator: vibration`: a 1-axis machine-vibration accelerometer in milli-g: shaft
// rotation (1x, 2x, 3x), broadband noise, and in `fault` segments an outer-race bearing
// defect — an impulse per ball pass (BPFO, from the bearing's geometry) ringing a
// structural resonance. Physics and figures: docs/sensors.md.
#include <memory>
#include <string>
#include <vector>

#include "sensors/generated_source.h"
#include "sensors/source_factory.h"

namespace tinysim {

const std::vector<std::string>& vibration_classes();  // normal, fault

/// Rolling-element bearing geometry; the default is a 6205 deep-groove ball bearing.
struct BearingGeometry {
  unsigned balls = 9;
  double ball_diameter_mm = 7.94;
  double pitch_diameter_mm = 39.04;
  double contact_angle_deg = 0.0;
};

/// Ball pass frequency, outer race: balls/2 * shaft * (1 - d/D cos(angle)).
double outer_race_defect_hz(const BearingGeometry& bearing, double shaft_hz);

struct VibrationSettings {
  std::vector<double> weights{3.0, 1.0};         ///< normal, fault
  std::vector<double> mean_seconds{20.0, 10.0};
  double shaft_rpm = 1480.0;     ///< a 4-pole induction motor on 50 Hz mains under load
  double unbalance_mg = 150.0;   ///< 1x amplitude; 2x and 3x are 40% and 15% of it
  double noise_mg = 20.0;        ///< broadband Gaussian, rms
  double resonance_hz = 1100.0;  ///< structural resonance the impacts ring
  double damping = 0.05;         ///< its damping ratio
  double fault_severity = 0.5;   ///< 0-1: impact peak = severity * 2000 mg
  BearingGeometry bearing;
};

std::shared_ptr<GeneratedSource> generate_vibration(const VibrationSettings& settings, SampleRate rate,
                                                    uint64_t frames, uint64_t seed);

Result<std::shared_ptr<const SensorSource>> make_vibration_source(const YamlFields& fields,
                                                                  const SourceContext& context);

}  // namespace tinysim
