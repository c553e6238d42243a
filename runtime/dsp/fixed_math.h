#pragma once
#include <stdint.h>

namespace tinyrt {

/// floor(sqrt(x)), exact for every uint64_t.
uint32_t isqrt64(uint64_t x);

/// log2(x) with `frac_bits` fractional bits (1..24), rounded: |error| <=
/// 2^-(frac_bits+1) + 2^-29. log2(0) returns INT32_MIN. Integer only:
/// normalise to a Q31 mantissa, then square it once per bit (each square that
/// reaches 2 yields a 1 bit).
int32_t log2_fixed(uint64_t x, int frac_bits);

/// ln(2) in Q31, for ln(x) = log2(x) * ln(2).
constexpr int64_t kLn2Q31 = 1488522236;

/// ln(x) in Q16 (|error| <= 2^-16), ln(0) returns INT32_MIN.
int32_t ln_q16(uint64_t x);

}  // namespace tinyrt
