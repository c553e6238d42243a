// The feature pipeline the host asked for in the CONFIG words.
#include "app/firmware.h"
#include "hal/tinysim_regs.h"

namespace tinyrt::app {

FeatureConfig configured_features() {
  FeatureConfig c;
  c.kind = static_cast<FeatureKind>(hal::config_word(TS_CONFIG_FEATURE_KIND / 4));
  c.window_frames = hal::config_word(TS_CONFIG_WINDOW_FRAMES / 4);
  c.channels = hal::sensor_channels();
  c.sample_rate_hz = hal::sensor_rate_mhz() / 1000u;
  c.fft_size = hal::config_word(TS_CONFIG_FFT_SIZE / 4);
  c.hop_frames = hal::config_word(TS_CONFIG_HOP_FRAMES / 4);
  c.mel_bands = hal::config_word(TS_CONFIG_MEL_BANDS / 4);
  c.mfcc_coeffs = hal::config_word(TS_CONFIG_MFCC_COEFFS / 4);
  for (uint32_t ch = 0; ch < kMaxNormalizedChannels; ++ch) {
    const uint32_t word = hal::config_word(TS_CONFIG_NORMALIZATION / 4 + ch);
    c.normalization[ch].offset = static_cast<int16_t>(word & 0xFFFFu);
    c.normalization[ch].shift = static_cast<uint8_t>(word >> 16);
  }
  return c;
}

}  // namespace tinyrt::app
