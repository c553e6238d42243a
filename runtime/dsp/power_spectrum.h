#pragma once
#include <stdint.h>

namespace tinyrt {

/// Power of rfft_q15's bins, k = 0..bins-1 (bins = n/2 + 1), as int32 with its
/// own block exponent p:  |X_k|^2 ~= power[k] * 2^p.  re^2 + im^2 is exact in
/// 64 bits, then every bin is shifted right (rounded) by the same amount so the
/// largest possible value, 2 max(|re|,|im|)^2, fits in 31 bits.
/// Returns p = 2 fft_exponent + that shift.
int32_t power_spectrum(const int32_t* spectrum, uint32_t bins, int32_t fft_exponent, int32_t* power);

}  // namespace tinyrt
