#include "features/feature_pipeline.h"

#include "dsp/power_spectrum.h"
#include "dsp/window.h"
#include "dsp/window_stats.h"
#include "kernels/quantization.h"

namespace tinyrt {
namespace {

bool spectral_kind(FeatureKind k) { return k == FeatureKind::kLogMel || k == FeatureKind::kMfcc; }

uint32_t fft_frames(const FeatureConfig& c) {
  if (c.window_frames < c.fft_size || c.hop_frames == 0) return 0;
  return 1 + (c.window_frames - c.fft_size) / c.hop_frames;
}

uint32_t align8(uint32_t bytes) { return (bytes + 7u) & ~7u; }

/// The pieces of the workspace, in order; the same walk sizes and carves it.
struct Layout {
  uint32_t hann, frame, spectrum, bands, weights, energy, log_mel, dct, stats, values, total;
};

Layout layout(const FeatureConfig& c) {
  Layout l{};
  const uint32_t n = spectral_kind(c.kind) ? c.fft_size : 0;
  const uint32_t bins = n ? n / 2 + 1 : 0;
  uint32_t at = 0;
  auto take = [&at](uint32_t bytes) {
    const uint32_t start = at;
    at += align8(bytes);
    return start;
  };
  l.hann = take(n * 2);
  l.frame = take(n * 2);
  l.spectrum = take(n ? (n + 2) * 4 : 0);
  l.bands = take(bins * 2);
  l.weights = take(bins * 2);
  l.energy = take(spectral_kind(c.kind) ? c.mel_bands * 8 : 0);
  l.log_mel = take(spectral_kind(c.kind) ? c.mel_bands * 4 : 0);
  l.dct = take(c.kind == FeatureKind::kMfcc ? c.mel_bands * c.mfcc_coeffs * 2 : 0);
  l.stats = take(c.kind == FeatureKind::kStatistics ? c.channels * uint32_t(sizeof(ChannelStats)) : 0);
  l.values = take(feature_count(c) * 4);
  l.total = at;
  return l;
}

}  // namespace

uint32_t feature_count(const FeatureConfig& c) {
  switch (c.kind) {
    case FeatureKind::kRaw:
    case FeatureKind::kNormalized: return c.window_frames * c.channels;
    case FeatureKind::kStatistics: return kStatisticsPerChannel * c.channels;
    case FeatureKind::kLogMel: return fft_frames(c) * c.mel_bands;
    case FeatureKind::kMfcc: return fft_frames(c) * c.mfcc_coeffs;
  }
  return 0;
}

int32_t feature_fraction_bits(FeatureKind kind) {
  switch (kind) {
    case FeatureKind::kRaw: return 0;
    case FeatureKind::kStatistics: return 8;
    case FeatureKind::kNormalized: return kNormalizedFractionBits;
    default: return 16;
  }
}

uint32_t feature_workspace_bytes(const FeatureConfig& config) { return layout(config).total; }

bool FeaturePipeline::init(const FeatureConfig& config, uint8_t* workspace, uint32_t workspace_bytes) {
  config_ = config;
  count_ = feature_count(config);
  cached_scale_ = 0.0f;
  if (count_ == 0 || config.channels == 0 || config.window_frames == 0) return false;
  if (static_cast<uint32_t>(config.kind) > static_cast<uint32_t>(FeatureKind::kNormalized)) return false;
  const Layout l = layout(config);
  if (l.total > workspace_bytes || (reinterpret_cast<uintptr_t>(workspace) & 7u)) return false;
  values_ = reinterpret_cast<int32_t*>(workspace + l.values);
  stats_ = reinterpret_cast<ChannelStats*>(workspace + l.stats);
  if (config.kind == FeatureKind::kStatistics) return config.channels <= 64 && config.window_frames <= 65535;
  if (config.kind == FeatureKind::kNormalized) {
    if (config.channels > kMaxNormalizedChannels) return false;
    for (uint32_t ch = 0; ch < config.channels; ++ch)
      if (config.normalization[ch].shift > kMaxNormalizationShift) return false;
    return true;
  }
  if (!spectral_kind(config.kind)) return true;

  const uint32_t bins = config.fft_size / 2 + 1;
  hann_ = reinterpret_cast<int16_t*>(workspace + l.hann);
  frame_ = reinterpret_cast<int16_t*>(workspace + l.frame);
  spectrum_ = reinterpret_cast<int32_t*>(workspace + l.spectrum);
  energy_ = reinterpret_cast<uint64_t*>(workspace + l.energy);
  log_mel_ = reinterpret_cast<int32_t*>(workspace + l.log_mel);
  if (rfft_init(fft_, config.fft_size) != DspStatus::kOk) return false;
  if (window_init(WindowKind::kHann, config.fft_size, true, hann_) != DspStatus::kOk) return false;
  if (mel_init(mel_, config.sample_rate_hz, config.fft_size, config.mel_bands, kMelLowHz, config.sample_rate_hz / 2,
               reinterpret_cast<int16_t*>(workspace + l.bands), reinterpret_cast<uint16_t*>(workspace + l.weights),
               bins) != DspStatus::kOk)
    return false;
  if (config.kind == FeatureKind::kMfcc &&
      mfcc_init(mfcc_, config.mel_bands, config.mfcc_coeffs, reinterpret_cast<int16_t*>(workspace + l.dct),
                config.mel_bands * config.mfcc_coeffs) != DspStatus::kOk)
    return false;
  return true;
}

void FeaturePipeline::spectral(const int16_t* window, int32_t* out) const {
  const FeatureConfig& c = config_;
  const uint32_t frames = fft_frames(c);
  for (uint32_t f = 0; f < frames; ++f) {
    // Channel 0 of the frames [f * hop, f * hop + fft_size), Hann-windowed.
    for (uint32_t i = 0; i < c.fft_size; ++i) frame_[i] = window[(f * c.hop_frames + i) * c.channels];
    window_apply(hann_, frame_, frame_, c.fft_size);
    const int32_t e = rfft_q15(fft_, frame_, spectrum_);
    const int32_t p = power_spectrum(spectrum_, c.fft_size / 2 + 1, e, spectrum_);
    mel_energies(mel_, spectrum_, energy_);
    if (c.kind == FeatureKind::kLogMel) {
      log_mel(mel_, energy_, p, out + f * c.mel_bands);
    } else {
      log_mel(mel_, energy_, p, log_mel_);
      mfcc(mfcc_, log_mel_, out + f * c.mfcc_coeffs);
    }
  }
}

void FeaturePipeline::extract(const int16_t* window, int32_t* out) const {
  const FeatureConfig& c = config_;
  switch (c.kind) {
    case FeatureKind::kRaw:
      for (uint32_t i = 0; i < count_; ++i) out[i] = window[i];
      return;
    case FeatureKind::kNormalized:
      normalize_channels(window, c.window_frames, c.channels, c.normalization, out);
      return;
    case FeatureKind::kStatistics: {
      window_stats(window, c.window_frames, c.channels, stats_);
      for (uint32_t ch = 0; ch < c.channels; ++ch) {
        int32_t* v = out + ch * kStatisticsPerChannel;  // all Q8
        v[0] = stats_[ch].mean_q8;
        v[1] = static_cast<int32_t>(stats_[ch].rms_q8);
        v[2] = static_cast<int32_t>(stats_[ch].peak_to_peak) << 8;
        v[3] = static_cast<int32_t>(stats_[ch].zero_crossings) << 8;
      }
      return;
    }
    default:
      spectral(window, out);
  }
}

void FeaturePipeline::extract_quantized(const int16_t* window, const QuantParams& input, int8_t* out) {
  if (cached_scale_ != input.scale) {
    // v * 2^-fraction_bits / scale as a Q31 multiplier and shift, computed once.
    const double real = 1.0 / (static_cast<double>(input.scale) *
                               static_cast<double>(1u << feature_fraction_bits(config_.kind)));
    const QuantizedMultiplier m = quantize_multiplier(real);
    multiplier_ = m.multiplier;
    shift_ = m.shift;
    cached_scale_ = input.scale;
  }
  extract(window, values_);
  for (uint32_t i = 0; i < count_; ++i) {
    const int32_t q = multiply_by_quantized_multiplier(values_[i], multiplier_, shift_) + input.zero_point;
    out[i] = static_cast<int8_t>(clamp_i32(q, -128, 127));
  }
}

}  // namespace tinyrt
