#pragma once
#include <stdint.h>

#include "dsp/dsp_status.h"

namespace tinyrt {

/// MFCCs: the orthonormal DCT-II of the log-mel energies (scipy's
/// dct(type=2, norm="ortho")):
///   c[i] = s_i sum_b L[b] cos(pi i (2b + 1) / (2B)),  s_0 = sqrt(1/B), s_i = sqrt(2/B).
/// The coefficient table (Q15, |error| <= 0.51 LSB) is computed once at setup.
struct MfccSetup {
  uint32_t band_count = 0;
  uint32_t coeff_count = 0;
  const int16_t* dct = nullptr;  ///< coeff_count rows of band_count entries
};

constexpr uint32_t mfcc_table_entries(uint32_t band_count, uint32_t coeff_count) {
  return band_count * coeff_count;
}
constexpr uint32_t mfcc_table_bytes(uint32_t band_count, uint32_t coeff_count) {
  return mfcc_table_entries(band_count, coeff_count) * 2u;
}

/// 1 <= coeff_count <= band_count <= 256.
DspStatus mfcc_init(MfccSetup& setup, uint32_t band_count, uint32_t coeff_count, int16_t* table,
                    uint32_t table_entries);

/// out[i] in Q16 from log_mel in Q16 (int64 accumulation, one rounding).
void mfcc(const MfccSetup& setup, const int32_t* log_mel_q16, int32_t* out_q16);

}  // namespace tinyrt
