#pragma once
// Sensor window -> feature values -> int8 model input, the same on the MCU and on the
// host (the trainer must see what the MCU sees). No heap: the caller hands in one
// workspace of feature_workspace_bytes() bytes. Definitions: docs/firmware-interface.md.
#include <stdint.h>

#include "dsp/channel_normalize.h"
#include "dsp/mel_filterbank.h"
#include "dsp/mfcc.h"
#include "dsp/rfft.h"
#include "dsp/window_stats.h"
#include "kernels/types.h"

namespace tinyrt {

enum class FeatureKind : uint32_t { kRaw = 0, kStatistics = 1, kLogMel = 2, kMfcc = 3, kNormalized = 4 };

/// Channels a normalised window may have (one offset and shift each).
constexpr uint32_t kMaxNormalizedChannels = 16;

struct FeatureConfig {
  FeatureKind kind = FeatureKind::kRaw;
  uint32_t window_frames = 0;
  uint32_t channels = 1;
  uint32_t sample_rate_hz = 0;  ///< log-mel, MFCC
  uint32_t fft_size = 0;        ///< log-mel, MFCC: power of two, 64..1024
  uint32_t hop_frames = 0;      ///< log-mel, MFCC
  uint32_t mel_bands = 0;       ///< log-mel, MFCC
  uint32_t mfcc_coeffs = 0;     ///< MFCC
  ChannelNormalization normalization[kMaxNormalizedChannels] = {};  ///< normalised: per channel
};

/// Statistics per channel, in this order: mean, RMS, peak-to-peak, zero crossings.
constexpr uint32_t kStatisticsPerChannel = 4;
/// Mel filters span kMelLowHz .. sample rate / 2.
constexpr uint32_t kMelLowHz = 20;

/// Values one window gives (what the model's input tensor must hold).
uint32_t feature_count(const FeatureConfig& config);
/// Fraction bits of the values: raw 0, statistics and normalised 8 (Q8), log-mel and MFCC 16 (Q16).
int32_t feature_fraction_bits(FeatureKind kind);
/// Bytes of workspace init() needs (tables and buffers), 8-byte aligned.
uint32_t feature_workspace_bytes(const FeatureConfig& config);

class FeaturePipeline {
 public:
  /// Checks the configuration and builds the tables; false when it is invalid or the
  /// workspace is too small.
  bool init(const FeatureConfig& config, uint8_t* workspace, uint32_t workspace_bytes);
  /// Feature values of one window (window_frames x channels int16, frame-major) in
  /// the kind's fixed-point format; `out` holds feature_count() values.
  void extract(const int16_t* window, int32_t* out) const;
  /// extract() then quantise into the model input: q = round(v / scale) + zero point.
  void extract_quantized(const int16_t* window, const QuantParams& input, int8_t* out);

  const FeatureConfig& config() const { return config_; }
  uint32_t count() const { return count_; }

 private:
  void spectral(const int16_t* window, int32_t* out) const;

  FeatureConfig config_{};
  uint32_t count_ = 0;
  RfftSetup fft_{};
  MelSetup mel_{};
  MfccSetup mfcc_{};
  int16_t* hann_ = nullptr;
  int16_t* frame_ = nullptr;
  int32_t* spectrum_ = nullptr;
  uint64_t* energy_ = nullptr;
  int32_t* log_mel_ = nullptr;
  int32_t* values_ = nullptr;
  ChannelStats* stats_ = nullptr;
  float cached_scale_ = 0.0f;
  int32_t multiplier_ = 0;
  int32_t shift_ = 0;
};

}  // namespace tinyrt
