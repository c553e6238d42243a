#pragma once
#include <stdint.h>

#include "dsp/dsp_status.h"

namespace tinyrt {

/// Statistics of one channel over one window, all exact integers.
struct ChannelStats {
  int32_t mean_q8 = 0;    ///< round(sum / n * 256), ties away from zero
  uint32_t rms_q8 = 0;    ///< round(sqrt(sum x^2 / n) * 256), ties up
  int16_t min = 0;
  int16_t max = 0;
  uint16_t peak_to_peak = 0;    ///< max - min
  uint16_t zero_crossings = 0;  ///< sign changes, 0 counting as positive
  uint16_t mean_crossings = 0;  ///< crossings of the exact window mean (x >= mean is "above")
};

/// Working memory beyond `out`: none.
constexpr uint32_t window_stats_scratch_bytes(uint32_t /*channels*/) { return 0; }

/// Per-channel statistics of `frames` interleaved int16 frames
/// (samples[f * channels + c]); out has `channels` entries.
/// 1 <= frames <= 65535, 1 <= channels <= 64.
DspStatus window_stats(const int16_t* samples, uint32_t frames, uint32_t channels, ChannelStats* out);

}  // namespace tinyrt
