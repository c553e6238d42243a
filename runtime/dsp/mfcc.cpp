#include "dsp/mfcc.h"

#include "dsp/fixed_math.h"
#include "dsp/trig_q15.h"

namespace tinyrt {

DspStatus mfcc_init(MfccSetup& setup, uint32_t band_count, uint32_t coeff_count, int16_t* table,
                    uint32_t table_entries) {
  if (band_count < 1 || band_count > 256 || coeff_count < 1 || coeff_count > band_count) {
    return DspStatus::kBadSize;
  }
  if (table_entries < mfcc_table_entries(band_count, coeff_count)) return DspStatus::kBufferTooSmall;
  // sqrt(1/B) and sqrt(2/B) in Q24: isqrt(2^48 / B), isqrt(2^49 / B).
  const uint64_t b = band_count;
  const int64_t scale0 = isqrt64((1ull << 48) / b);
  const int64_t scale1 = isqrt64((1ull << 49) / b);
  for (uint32_t i = 0; i < coeff_count; ++i) {
    const int64_t s = i == 0 ? scale0 : scale1;
    for (uint32_t k = 0; k < band_count; ++k) {
      const uint64_t turns_num = static_cast<uint64_t>(i) * (2u * k + 1u);  // / (4B) turns
      const int64_t c = cos_q30(phase_of(turns_num, 4u * b));
      int64_t v = (s * c + (int64_t{1} << 38)) >> 39;  // Q24 * Q30 -> Q15
      if (v > 32767) v = 32767;
      if (v < -32768) v = -32768;
      table[i * band_count + k] = static_cast<int16_t>(v);
    }
  }
  setup.band_count = band_count;
  setup.coeff_count = coeff_count;
  setup.dct = table;
  return DspStatus::kOk;
}

void mfcc(const MfccSetup& setup, const int32_t* log_mel_q16, int32_t* out_q16) {
  for (uint32_t i = 0; i < setup.coeff_count; ++i) {
    const int16_t* row = setup.dct + i * setup.band_count;
    int64_t acc = 0;
    for (uint32_t k = 0; k < setup.band_count; ++k) acc += static_cast<int64_t>(row[k]) * log_mel_q16[k];
    out_q16[i] = static_cast<int32_t>((acc + (int64_t{1} << 14)) >> 15);
  }
}

}  // namespace tinyrt
