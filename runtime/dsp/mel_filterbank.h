#pragma once
#include <stdint.h>

#include "dsp/dsp_status.h"

namespace tinyrt {

/// Triangular mel filters on the HTK scale, mel(f) = 1127 ln(1 + f/700), with
/// band_count + 2 edge points evenly spaced in mel from low_hz to high_hz and
/// weights linear in mel (as HTK, Kaldi and tf.signal do). Each FFT bin lies on
/// the rising edge of one band and the falling edge of the one before, so a
/// bin stores one band index and one Q15 weight r; the other band gets 1 - r.
struct MelSetup {
  uint32_t fft_size = 0;
  uint32_t band_count = 0;
  uint32_t first_bin = 0;  ///< bins outside [first_bin, end_bin) weigh nothing
  uint32_t end_bin = 0;
  const int16_t* bin_band = nullptr;     ///< band whose rising edge holds the bin, -1 none
  const uint16_t* bin_weight = nullptr;  ///< rising weight, Q15 in [0, 32768]
};

/// Entries each of the two tables needs: one per bin, fft_size/2 + 1.
constexpr uint32_t mel_table_entries(uint32_t fft_size) { return fft_size / 2u + 1u; }
constexpr uint32_t mel_table_bytes(uint32_t fft_size) { return mel_table_entries(fft_size) * 4u; }

/// Computes the filters once, in integer arithmetic (mel via log2_fixed in
/// Q24). Needs 1 <= band_count <= 256, low_hz < high_hz <= sample_rate / 2.
DspStatus mel_init(MelSetup& setup, uint32_t sample_rate_hz, uint32_t fft_size, uint32_t band_count,
                   uint32_t low_hz, uint32_t high_hz, int16_t* bin_band, uint16_t* bin_weight,
                   uint32_t table_entries);

/// energy[b] = sum_k power[k] * w_b(k), weights in Q15: true band energy =
/// energy[b] * 2^(p - 15) for the power spectrum's exponent p. Exact (uint64).
void mel_energies(const MelSetup& setup, const int32_t* power, uint64_t* energy);

/// log_mel[b] = ln(true band energy) in Q16, |error| <= 2^-15 (+ the FFT's):
/// ln(max(energy[b], 1)) + (power_exponent - 15) ln 2. Empty bands give that
/// floor, never -inf. For samples read as Q15 (|x| < 1) rather than integers,
/// subtract 30 ln 2.
void log_mel(const MelSetup& setup, const uint64_t* energy, int32_t power_exponent, int32_t* log_mel_q16);

}  // namespace tinyrt
