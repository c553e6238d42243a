#pragma once
// Measurements the generator tests make on a stream: spectra at chosen frequencies,
// the strongest frequency in a band, rms.
#include <cmath>
#include <cstdint>
#include <vector>

namespace tinysim {

/// Amplitude of the `hz` component of `x` sampled at `rate_hz` (mean removed), by a
/// direct DFT at that exact frequency.
inline double amplitude_at(const std::vector<double>& x, double rate_hz, double hz) {
  double mean = 0.0;
  for (double v : x) mean += v;
  mean /= static_cast<double>(x.size());
  double re = 0.0, im = 0.0;
  const double w = 2.0 * 3.14159265358979323846 * hz / rate_hz;
  for (size_t i = 0; i < x.size(); ++i) {
    re += (x[i] - mean) * std::cos(w * static_cast<double>(i));
    im -= (x[i] - mean) * std::sin(w * static_cast<double>(i));
  }
  return 2.0 * std::hypot(re, im) / static_cast<double>(x.size());
}

/// The frequency in [low, high] (scanned in `step` Hz) with the largest amplitude.
inline double strongest_frequency(const std::vector<double>& x, double rate_hz, double low, double high, double step) {
  double best = low, best_amplitude = -1.0;
  const auto steps = static_cast<int>(std::lround((high - low) / step));
  for (int k = 0; k <= steps; ++k) {
    const double f = low + k * step;
    const double a = amplitude_at(x, rate_hz, f);
    if (a > best_amplitude) {
      best_amplitude = a;
      best = f;
    }
  }
  return best;
}

inline double rms(const std::vector<double>& x) {
  double sum = 0.0;
  for (double v : x) sum += v * v;
  return std::sqrt(sum / static_cast<double>(x.size()));
}

}  // namespace tinysim
