#pragma once
#include <stdint.h>

namespace tinyrt {

/// round((b0 w0 + b1 w1) / 2^15) for FFT data |b| <= 2^30 and Q15 twiddles
/// (|w0| + |w1| <= sqrt(2) 32768), in two ways that give identical results:
/// q15_dot_wide uses one 64-bit product per term (one instruction on M3/M4/M7/M33);
/// q15_dot_split splits b into a high half and a signed low 16 bits so every
/// product is 32-bit (ARMv6-M has no 32x32->64 multiply: each 64-bit product
/// would be a library call). Exact: S = H 2^16 + L, so
/// floor((S + 2^14) / 2^15) = 2H + floor((L + 2^14) / 2^15).
inline int32_t q15_dot_wide(int32_t b0, int32_t w0, int32_t b1, int32_t w1) {
  const int64_t s = static_cast<int64_t>(b0) * w0 + static_cast<int64_t>(b1) * w1;
  return static_cast<int32_t>((s + (int64_t{1} << 14)) >> 15);
}

inline int32_t q15_dot_split(int32_t b0, int32_t w0, int32_t b1, int32_t w1) {
  const int32_t l0 = static_cast<int16_t>(static_cast<uint32_t>(b0) & 0xFFFFu);
  const int32_t l1 = static_cast<int16_t>(static_cast<uint32_t>(b1) & 0xFFFFu);
  const int32_t h0 = (b0 - l0) >> 16;  // exact: b0 - l0 is a multiple of 2^16
  const int32_t h1 = (b1 - l1) >> 16;
  const int32_t high = h0 * w0 + h1 * w1;  // |.| <= 2^14 * sqrt(2) * 2^15
  const int32_t low = l0 * w0 + l1 * w1;   // |.| <= 2^15 * sqrt(2) * 2^15 < 2^31 - 2^14
  return 2 * high + ((low + (1 << 14)) >> 15);
}

/// The one the FFT uses on this target.
inline int32_t q15_dot(int32_t b0, int32_t w0, int32_t b1, int32_t w1) {
#if defined(__ARM_ARCH_6M__)
  return q15_dot_split(b0, w0, b1, w1);
#else
  return q15_dot_wide(b0, w0, b1, w1);
#endif
}

}  // namespace tinyrt
