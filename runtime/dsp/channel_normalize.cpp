#include "dsp/channel_normalize.h"

namespace tinyrt {
namespace {

/// floor(v / 2^shift) without right-shifting a negative number (implementation-defined
/// before C++20): the same result from every compiler.
int32_t floor_shift(int32_t v, uint32_t shift) {
  if (v >= 0) return v >> shift;
  const int32_t below = static_cast<int32_t>((static_cast<uint32_t>(-v) + ((1u << shift) - 1u)) >> shift);
  return -below;
}

}  // namespace

DspStatus normalize_channels(const int16_t* samples, uint32_t frames, uint32_t channels,
                             const ChannelNormalization* normalization, int32_t* out) {
  if (channels < 1) return DspStatus::kBadSize;
  for (uint32_t c = 0; c < channels; ++c)
    if (normalization[c].shift > kMaxNormalizationShift) return DspStatus::kBadArgument;
  for (uint32_t f = 0; f < frames; ++f) {
    for (uint32_t c = 0; c < channels; ++c) {
      const ChannelNormalization& n = normalization[c];
      // |x - offset| < 2^16, times 2^8: within int32.
      const int32_t q8 = (static_cast<int32_t>(samples[f * channels + c]) - n.offset) * (1 << kNormalizedFractionBits);
      const int32_t half = n.shift ? 1 << (n.shift - 1) : 0;
      const int32_t v = floor_shift(q8 + half, n.shift);
      out[f * channels + c] = v < kNormalizedMin ? kNormalizedMin : v > kNormalizedMax ? kNormalizedMax : v;
    }
  }
  return DspStatus::kOk;
}

}  // namespace tinyrt
