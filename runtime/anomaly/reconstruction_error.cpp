#include "anomaly/reconstruction_error.h"

#include <math.h>

#include "kernels/quantization.h"

namespace tinyrt {

uint32_t scale_u64(uint64_t value, uint32_t multiplier, uint32_t right_shift) {
  if (right_shift >= 128) return 0;  // the product is below 2^95
  // value * multiplier as two 64-bit words, high:low.
  const uint64_t low_product = (value & 0xFFFFFFFFu) * multiplier;
  const uint64_t high_product = (value >> 32) * multiplier;  // weight 2^32
  uint64_t low = low_product + (high_product << 32);
  uint64_t high = (high_product >> 32) + (low < low_product ? 1u : 0u);
  // + 2^(right_shift - 1): round half up.
  if (right_shift <= 64) {
    const uint64_t before = low;
    low += uint64_t{1} << (right_shift - 1);
    high += low < before ? 1u : 0u;
  } else {
    high += uint64_t{1} << (right_shift - 65);
  }
  uint64_t quotient = 0;
  if (right_shift >= 64) {
    quotient = high >> (right_shift - 64);
  } else {
    if ((high >> right_shift) != 0) return UINT32_MAX;
    quotient = (low >> right_shift) | (high << (64 - right_shift));
  }
  return quotient > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(quotient);
}

bool ReconstructionError::prepare(const QuantParams& input, const QuantParams& output, uint32_t count) {
  if (!(input.scale > 0.0f) || !(output.scale > 0.0f) || count == 0 || count > 65536) return false;
  const double ratio = static_cast<double>(output.scale) / static_cast<double>(input.scale);
  if (ratio > 128.0) return false;
  const QuantizedMultiplier r = quantize_multiplier(ratio);
  // s_x^2 * 2^(16 - 2F) / N as mantissa / 2^shift, mantissa in [2^30, 2^31).
  const double mean = ldexp(static_cast<double>(input.scale) * static_cast<double>(input.scale) / count,
                            16 - 2 * kFractionBits);
  int exponent = 0;
  const double fraction = frexp(mean, &exponent);
  int64_t mantissa = static_cast<int64_t>(round(fraction * 2147483648.0));
  if (mantissa == (int64_t{1} << 31)) {  // rounded up to 1.0: renormalise
    mantissa /= 2;
    ++exponent;
  }
  if (31 - exponent < 1) return false;  // a mean factor of 2^30 or more: no real scale gives it
  input_zero_ = input.zero_point;
  output_zero_ = output.zero_point;
  count_ = count;
  ratio_multiplier_ = r.multiplier;
  ratio_shift_ = r.shift;
  mean_multiplier_ = static_cast<uint32_t>(mantissa);
  mean_shift_ = static_cast<uint32_t>(31 - exponent);
  return true;
}

uint32_t ReconstructionError::score(const int8_t* input, const int8_t* output) const {
  // Differences in units of s_x / 2^F: rho * (y - z_y) * 2^F rounded, minus (x - z_x) * 2^F.
  // |d| < 2^23.01 (rho <= 128), so N <= 65536 squares cannot overflow 64 bits.
  uint64_t sum = 0;
  for (uint32_t i = 0; i < count_; ++i) {
    const int32_t y = multiply_by_quantized_multiplier((output[i] - output_zero_) * (1 << kFractionBits),
                                                       ratio_multiplier_, ratio_shift_);
    const int32_t d = y - (input[i] - input_zero_) * (1 << kFractionBits);
    sum += static_cast<uint64_t>(static_cast<int64_t>(d) * d);
  }
  return scale_u64(sum, mean_multiplier_, mean_shift_);
}

}  // namespace tinyrt
