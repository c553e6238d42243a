#pragma once
#include <stdint.h>

#include "dsp/dsp_status.h"

namespace tinyrt {

/// One channel's fixed-point normalisation: (x - offset) / 2^shift. Chosen per channel
/// so that each sensor's useful range fills the model input's one int8 scale.
struct ChannelNormalization {
  int16_t offset = 0;  ///< counts subtracted first (the middle of the channel's range)
  uint8_t shift = 0;   ///< then divided by 2^shift, 0..kMaxNormalizationShift
};

constexpr uint32_t kMaxNormalizationShift = 15;
/// Fraction bits of the results.
constexpr int32_t kNormalizedFractionBits = 8;
/// Results saturate to the int8 range in real units (-128 .. 127.996, Q8), as an ADC does
/// at its rails: a reading beyond a channel's range must not widen the model's one input
/// scale for every other channel.
constexpr int32_t kNormalizedMin = -32768;
constexpr int32_t kNormalizedMax = 32767;

/// Normalises `frames` interleaved int16 frames (samples[f * channels + c]) channel by
/// channel: out = round((x - offset) * 2^8 / 2^shift), Q8, ties towards +infinity (add
/// half, shift right: exact, the same on every core), saturated to kNormalizedMin ..
/// kNormalizedMax. 1 <= channels; shifts checked.
DspStatus normalize_channels(const int16_t* samples, uint32_t frames, uint32_t channels,
                             const ChannelNormalization* normalization, int32_t* out);

}  // namespace tinyrt
