#include "dsp/window.h"

#include "dsp/trig_q15.h"

namespace tinyrt {

DspStatus window_init(WindowKind kind, uint32_t length, bool periodic, int16_t* w) {
  if (length == 0 || (!periodic && length < 2) || length > 0xFFFFu) return DspStatus::kBadSize;
  const uint64_t den = periodic ? length : length - 1u;
  for (uint32_t n = 0; n < length; ++n) {
    // Q30 throughout, one rounding to Q15 at the end.
    const int64_t c = cos_q30(phase_of(n, den));
    int64_t v30 = 0;
    if (kind == WindowKind::kHann) {
      v30 = ((int64_t{1} << 30) - c) / 2;
    } else {
      constexpr int64_t kA = 579820585;  // round(0.54 * 2^30)
      constexpr int64_t kB = 493921239;  // round(0.46 * 2^30)
      v30 = kA - ((kB * c + (int64_t{1} << 29)) >> 30);
    }
    const int64_t v = (v30 + (1 << 14)) >> 15;
    w[n] = static_cast<int16_t>(v > 32767 ? 32767 : v);
  }
  return DspStatus::kOk;
}

void window_apply(const int16_t* w, const int16_t* in, int16_t* out, uint32_t n) {
  for (uint32_t i = 0; i < n; ++i) {
    // |in * w| < 2^30, and w <= 32767 keeps the result inside int16.
    out[i] = static_cast<int16_t>((static_cast<int32_t>(in[i]) * w[i] + (1 << 14)) >> 15);
  }
}

}  // namespace tinyrt
