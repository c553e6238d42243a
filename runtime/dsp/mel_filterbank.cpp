#include "dsp/mel_filterbank.h"

#include "dsp/fixed_math.h"

namespace tinyrt {

DspStatus mel_init(MelSetup& setup, uint32_t sample_rate_hz, uint32_t fft_size, uint32_t band_count,
                   uint32_t low_hz, uint32_t high_hz, int16_t* bin_band, uint16_t* bin_weight,
                   uint32_t table_entries) {
  if (fft_size < 4 || fft_size > 4096 || (fft_size & (fft_size - 1u)) != 0) return DspStatus::kBadSize;
  if (band_count < 1 || band_count > 256) return DspStatus::kBadSize;
  if (sample_rate_hz == 0 || low_hz >= high_hz || static_cast<uint64_t>(high_hz) * 2u > sample_rate_hz) {
    return DspStatus::kBadArgument;
  }
  const uint32_t bins = mel_table_entries(fft_size);
  if (table_entries < bins) return DspStatus::kBufferTooSmall;

  // mel(f) = 1127 ln((700 + f) / 700). Only differences and ratios of mels
  // matter, so log2(700 n + f n) stands in for it: bin k is at f = k fs / n.
  const uint64_t n = fft_size;
  const int64_t lo = log2_fixed(700u * n + low_hz * n, 24);
  const int64_t hi = log2_fixed(700u * n + high_hz * n, 24);
  const int64_t points = band_count + 1;  // edge point p_j = lo + (hi - lo) j / points
  setup.first_bin = bins;
  setup.end_bin = 0;
  for (uint32_t k = 0; k < bins; ++k) {
    bin_band[k] = -1;
    bin_weight[k] = 0;
    const int64_t m = log2_fixed(700u * n + static_cast<uint64_t>(k) * sample_rate_hz, 24);
    if (m <= lo || m >= hi) continue;  // outside, or on an end point where all weights are 0
    // Largest j with p_j <= m.
    int64_t j = ((m - lo) * points) / (hi - lo);
    while (j > 0 && lo + ((hi - lo) * j) / points > m) --j;
    while (j + 1 <= points && lo + ((hi - lo) * (j + 1)) / points <= m) ++j;
    const int64_t pj = lo + ((hi - lo) * j) / points;
    const int64_t pj1 = lo + ((hi - lo) * (j + 1)) / points;
    const int64_t r = ((m - pj) * 32768 + (pj1 - pj) / 2) / (pj1 - pj);
    bin_band[k] = static_cast<int16_t>(j);
    bin_weight[k] = static_cast<uint16_t>(r > 32768 ? 32768 : r);
    if (k < setup.first_bin) setup.first_bin = k;
    setup.end_bin = k + 1;
  }
  if (setup.end_bin == 0) setup.first_bin = 0;
  setup.fft_size = fft_size;
  setup.band_count = band_count;
  setup.bin_band = bin_band;
  setup.bin_weight = bin_weight;
  return DspStatus::kOk;
}

void mel_energies(const MelSetup& setup, const int32_t* power, uint64_t* energy) {
  const int32_t bands = static_cast<int32_t>(setup.band_count);
  for (int32_t b = 0; b < bands; ++b) energy[b] = 0;
  for (uint32_t k = setup.first_bin; k < setup.end_bin; ++k) {
    const int32_t band = setup.bin_band[k];
    if (band < 0) continue;
    const uint64_t p = static_cast<uint32_t>(power[k] < 0 ? 0 : power[k]);
    const uint32_t w = setup.bin_weight[k];
    if (band < bands) energy[band] += p * w;
    if (band > 0) energy[band - 1] += p * (32768u - w);
  }
}

void log_mel(const MelSetup& setup, const uint64_t* energy, int32_t power_exponent, int32_t* log_mel_q16) {
  // (p - 15) ln 2 in Q16, from ln 2 in Q31.
  const int64_t shift = (static_cast<int64_t>(power_exponent - 15) * kLn2Q31 + (int64_t{1} << 14)) >> 15;
  for (uint32_t b = 0; b < setup.band_count; ++b) {
    const int64_t l = ln_q16(energy[b] == 0 ? 1u : energy[b]);
    log_mel_q16[b] = static_cast<int32_t>(l + shift);
  }
}

}  // namespace tinyrt
