#pragma once
#include <stdint.h>

#include "dsp/dsp_status.h"

namespace tinyrt {

enum class WindowKind : uint8_t {
  kHann,     ///< 0.5 - 0.5 cos(2 pi n / D)
  kHamming,  ///< 0.54 - 0.46 cos(2 pi n / D)
};

/// Int16 entries window_init writes: one per sample.
constexpr uint32_t window_bytes(uint32_t length) { return length * 2u; }

/// Fills w[0..length) with the window in Q15, rounded from Q30 (|error| <=
/// 0.51 LSB; 1.0 saturates to 32767). periodic: D = length (the DFT-even window for spectra, as
/// tf.signal and librosa use); symmetric: D = length - 1 (length >= 2).
DspStatus window_init(WindowKind kind, uint32_t length, bool periodic, int16_t* w);

/// out[i] = round(in[i] * w[i] / 2^15); out may be in.
void window_apply(const int16_t* w, const int16_t* in, int16_t* out, uint32_t n);

}  // namespace tinyrt
