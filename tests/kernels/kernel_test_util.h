#pragma once
// Shared test helpers: seeded random tensors and float-reference quantisation.
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace tinyrt {
namespace test {

inline std::vector<int8_t> random_s8(std::mt19937& rng, size_t n, int lo = -128, int hi = 127) {
  std::uniform_int_distribution<int> d(lo, hi);
  std::vector<int8_t> v(n);
  for (auto& x : v) x = static_cast<int8_t>(d(rng));
  return v;
}

inline std::vector<int32_t> random_s32(std::mt19937& rng, size_t n, int32_t lo, int32_t hi) {
  std::uniform_int_distribution<int32_t> d(lo, hi);
  std::vector<int32_t> v(n);
  for (auto& x : v) x = d(rng);
  return v;
}

inline int uniform_int(std::mt19937& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
inline float uniform_float(std::mt19937& rng, float lo, float hi) {
  return std::uniform_real_distribution<float>(lo, hi)(rng);
}

/// Quantise a real value the way a float model's output would be: round half away
/// from zero, add the zero point, clamp.
inline int32_t quantize_real(double y, double scale, int32_t zero_point, int32_t lo = -128, int32_t hi = 127) {
  const double qv = std::round(y / scale) + zero_point;
  return static_cast<int32_t>(qv < lo ? lo : (qv > hi ? hi : qv));
}

/// Largest |a[i] - b[i]|.
template <typename A, typename B>
int max_abs_diff(const std::vector<A>& a, const std::vector<B>& b) {
  int m = 0;
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    const int d = std::abs(static_cast<int>(a[i]) - static_cast<int>(b[i]));
    if (d > m) m = d;
  }
  return m;
}

}  // namespace test
}  // namespace tinyrt
