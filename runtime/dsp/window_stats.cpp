#include "dsp/window_stats.h"

#include "dsp/fixed_math.h"

namespace tinyrt {
namespace {

/// round(num / den) for den > 0, ties away from zero.
int64_t div_round(int64_t num, int64_t den) {
  return num >= 0 ? (num + den / 2) / den : -((-num + den / 2) / den);
}

/// round(sqrt(t / n)) with ties rounded up, exact: r = floor(sqrt(floor(t/n)))
/// is floor(sqrt(t/n)); round up when t/n >= r^2 + r + 1/4.
uint32_t sqrt_ratio_round(uint64_t t, uint64_t n) {
  const uint64_t q = t / n;
  const uint64_t r = isqrt64(q);
  const int64_t d = static_cast<int64_t>(q - r * r - r);  // in [-r, r]
  const int64_t lhs = 4 * d * static_cast<int64_t>(n) + 4 * static_cast<int64_t>(t % n);
  return static_cast<uint32_t>(lhs >= static_cast<int64_t>(n) ? r + 1 : r);
}

}  // namespace

DspStatus window_stats(const int16_t* samples, uint32_t frames, uint32_t channels, ChannelStats* out) {
  if (frames < 1 || frames > 65535 || channels < 1 || channels > 64) return DspStatus::kBadSize;
  for (uint32_t c = 0; c < channels; ++c) {
    const int16_t* x = samples + c;
    int64_t sum = 0;
    uint64_t sum_sq = 0;
    int16_t lo = x[0], hi = x[0];
    uint32_t zero_crossings = 0;
    for (uint32_t f = 0; f < frames; ++f) {
      const int32_t v = x[f * channels];
      sum += v;
      sum_sq += static_cast<uint64_t>(static_cast<int64_t>(v) * v);
      if (v < lo) lo = static_cast<int16_t>(v);
      if (v > hi) hi = static_cast<int16_t>(v);
      if (f > 0 && ((x[(f - 1) * channels] < 0) != (v < 0))) ++zero_crossings;
    }
    // Crossings of the mean without rounding it: compare x * n with the sum.
    const int64_t n = frames;
    uint32_t mean_crossings = 0;
    for (uint32_t f = 1; f < frames; ++f) {
      const bool above_prev = static_cast<int64_t>(x[(f - 1) * channels]) * n >= sum;
      const bool above = static_cast<int64_t>(x[f * channels]) * n >= sum;
      if (above != above_prev) ++mean_crossings;
    }
    ChannelStats& s = out[c];
    s.mean_q8 = static_cast<int32_t>(div_round(sum * 256, n));
    s.rms_q8 = sqrt_ratio_round(sum_sq << 16, static_cast<uint64_t>(n));
    s.min = lo;
    s.max = hi;
    s.peak_to_peak = static_cast<uint16_t>(static_cast<int32_t>(hi) - lo);
    s.zero_crossings = static_cast<uint16_t>(zero_crossings);
    s.mean_crossings = static_cast<uint16_t>(mean_crossings);
  }
  return DspStatus::kOk;
}

}  // namespace tinyrt
