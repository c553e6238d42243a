#pragma once
// Random numbers for training that are the same on every platform: std::mt19937_64
// is fully specified, but the standard distributions are not, so the conversions
// to floats and ranges live here.
#include <cstdint>
#include <random>
#include <vector>

namespace tinysim {

class SeededRandom {
 public:
  explicit SeededRandom(uint64_t seed) : engine_(seed) {}
  /// Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(engine_() >> 11) * (1.0 / 9007199254740992.0); }
  float uniform(float low, float high) { return low + (high - low) * static_cast<float>(uniform()); }
  /// Uniform in [0, n) (n > 0), without modulo bias worth caring about for n << 2^64.
  uint64_t below(uint64_t n) { return engine_() % n; }
  /// Fisher-Yates shuffle with below().
  template <class T>
  void shuffle(std::vector<T>& items) {
    for (size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace tinysim
