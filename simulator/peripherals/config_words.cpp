#include "peripherals/config_words.h"

namespace tinysim {

static_assert(tinyrt::kMaxNormalizedChannels == TS_CONFIG_NORMALIZATION_WORDS, "one CONFIG word per channel");

ConfigWordArray FeatureConfig::encode() const {
  ConfigWordArray words{};
  words[TS_CONFIG_FEATURE_KIND / 4] = static_cast<uint32_t>(kind);
  words[TS_CONFIG_WINDOW_FRAMES / 4] = window_frames;
  words[TS_CONFIG_STRIDE_FRAMES / 4] = stride_frames;
  words[TS_CONFIG_FFT_SIZE / 4] = fft_size;
  words[TS_CONFIG_HOP_FRAMES / 4] = hop_frames;
  words[TS_CONFIG_MEL_BANDS / 4] = mel_bands;
  words[TS_CONFIG_MFCC_COEFFS / 4] = mfcc_coefficients;
  for (size_t ch = 0; ch < normalization.size(); ++ch) {
    words[TS_CONFIG_NORMALIZATION / 4 + ch] = static_cast<uint16_t>(normalization[ch].offset) |
                                              uint32_t{normalization[ch].shift} << 16;
  }
  return words;
}

ConfigWords::ConfigWords(MisuseLog& log, const ConfigWordArray& words)
    : RegisterBlock("config", TS_CONFIG_BASE, log), words_(words) {}

RegisterBlock::Access ConfigWords::read_register(uint32_t offset, uint32_t& value) {
  if (offset / 4 >= words_.size()) return Access::kUnassigned;
  value = words_[offset / 4];
  return Access::kDone;
}

RegisterBlock::Access ConfigWords::write_register(uint32_t offset, uint32_t value) {
  (void)value;
  return offset / 4 < words_.size() ? Access::kReadOnly : Access::kUnassigned;
}

}  // namespace tinysim
