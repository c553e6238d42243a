#pragma once
#include <stdint.h>

namespace tinyrt {

/// Angles are phases: a uint32_t where 2^32 is one full turn, so wrap-around
/// is free and exact. Values are Q15 (32767 stands for 1.0).
/// Accuracy: |error| <= 1.05 LSB against 32768 sin (tests/dsp/trig_fixed_math_test.cpp):
/// half an LSB of table rounding, under 0.2 of interpolation, and +-1.0
/// saturating to +-32767.
int16_t sin_q15(uint32_t phase);
int16_t cos_q15(uint32_t phase);

/// sin/cos in Q30 (|error| < 2^-28) by a Taylor series in integer arithmetic:
/// slower, for setup-time tables (windows, DCT) that must round to the exact
/// Q15 value.
int32_t sin_q30(uint32_t phase);
int32_t cos_q30(uint32_t phase);

/// Exact table values for j / 1024 of a turn (FFT twiddles, no interpolation).
int16_t sin_turn1024(uint32_t j);
int16_t cos_turn1024(uint32_t j);

/// Phase of num / den turns, rounded: (num mod den) * 2^32 / den.
uint32_t phase_of(uint64_t num, uint64_t den);

}  // namespace tinyrt
