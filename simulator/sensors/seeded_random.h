#pragma once
// The generators' random numbers: a 64-bit Mersenne Twister (its output sequence is
// fixed by the C++ standard) with the distributions written out here, because the
// standard library's distributions may differ between implementations and TinySim
// promises byte-identical streams for a seed everywhere.
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace tinysim {

class SeededRandom {
 public:
  /// `stream` separates independent uses of one seed (schedule, noise, ...).
  explicit SeededRandom(uint64_t seed, uint64_t stream = 0)
      : engine_(seed ^ (stream * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull)) {}

  /// Uniform in [0, 1), 53 random bits.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  double uniform(double low, double high) { return low + (high - low) * uniform(); }
  /// Standard normal (Box-Muller; the second value is dropped to keep the state simple).
  double normal() {
    const double u1 = 1.0 - uniform();  // (0, 1]: log is finite
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  double normal(double mean, double deviation) { return mean + deviation * normal(); }
  /// Exponentially distributed with the given mean.
  double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }
  /// An index drawn with probability proportional to `weights` (all >= 0, sum > 0).
  size_t pick(const std::vector<double>& weights) {
    double total = 0.0;
    for (double w : weights) total += w;
    double x = uniform() * total;
    for (size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    for (size_t i = weights.size(); i-- > 0;) {
      if (weights[i] > 0.0) return i;  // rounding left x just past the end
    }
    return 0;
  }
  /// Uniform integer in [0, n).
  uint64_t below(uint64_t n) { return static_cast<uint64_t>(uniform() * static_cast<double>(n)) % n; }
  /// Fisher-Yates shuffle with below() (the trainer's mini-batch order).
  template <class T>
  void shuffle(std::vector<T>& items) {
    for (size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace tinysim
