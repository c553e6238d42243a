#pragma once
// CONFIG: 64 read-only words the scenario sets for the firmware, chiefly the feature
// pipeline (docs/firmware-interface.md, "CONFIG words"). FeatureConfig is the typed
// form the scenario engine fills; encode() lays it out word by word.
#include <array>
#include <cstdint>

#include "features/feature_pipeline.h"
#include "hal/tinysim_regs.h"
#include "peripherals/register_block.h"

namespace tinysim {

using ConfigWordArray = std::array<uint32_t, TS_CONFIG_WORDS>;

enum class FeatureKind : uint32_t {
  kRawWindow = TS_FEATURES_RAW,
  kStatistics = TS_FEATURES_STATISTICS,
  kLogMel = TS_FEATURES_LOG_MEL,
  kMfcc = TS_FEATURES_MFCC,
  kNormalized = TS_FEATURES_NORMALIZED,
};

struct FeatureConfig {
  FeatureKind kind = FeatureKind::kRawWindow;
  uint32_t window_frames = 0;
  uint32_t stride_frames = 0;
  uint32_t fft_size = 0;           ///< log-mel, MFCC
  uint32_t hop_frames = 0;         ///< log-mel, MFCC: frames between FFT frames
  uint32_t mel_bands = 0;          ///< log-mel, MFCC
  uint32_t mfcc_coefficients = 0;  ///< MFCC
  /// Normalised: per channel offset and shift (the firmware's own type).
  std::array<tinyrt::ChannelNormalization, tinyrt::kMaxNormalizedChannels> normalization{};

  /// The CONFIG words for this pipeline; the reserved words are 0.
  ConfigWordArray encode() const;
};

class ConfigWords : public RegisterBlock {
 public:
  ConfigWords(MisuseLog& log, const ConfigWordArray& words);
  const ConfigWordArray& words() const { return words_; }

 protected:
  Access read_register(uint32_t offset, uint32_t& value) override;
  Access write_register(uint32_t offset, uint32_t value) override;

 private:
  ConfigWordArray words_;
};

}  // namespace tinysim
