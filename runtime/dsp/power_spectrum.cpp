#include "dsp/power_spectrum.h"

namespace tinyrt {

int32_t power_spectrum(const int32_t* spectrum, uint32_t bins, int32_t fft_exponent, int32_t* power) {
  uint32_t m = 0;
  for (uint32_t i = 0; i < 2 * bins; ++i) {
    const int32_t v = spectrum[i];
    const uint32_t a = v < 0 ? 0u - static_cast<uint32_t>(v) : static_cast<uint32_t>(v);
    if (a > m) m = a;
  }
  // Bits of 2 m^2 - 1 (upper bound on any re^2 + im^2), kept to 31.
  const uint64_t bound = 2ull * m * m;
  int32_t shift = 0;
  while ((bound >> shift) > 0x7FFFFFFFull) ++shift;
  const uint64_t half = shift == 0 ? 0 : (1ull << (shift - 1));
  for (uint32_t k = 0; k < bins; ++k) {
    const int64_t re = spectrum[2 * k], im = spectrum[2 * k + 1];
    const uint64_t p = static_cast<uint64_t>(re * re) + static_cast<uint64_t>(im * im);
    const uint64_t q = (p + half) >> shift;
    power[k] = static_cast<int32_t>(q > 0x7FFFFFFFull ? 0x7FFFFFFFull : q);
  }
  return 2 * fft_exponent + shift;
}

}  // namespace tinyrt
