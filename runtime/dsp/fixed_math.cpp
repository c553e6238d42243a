#include "dsp/fixed_math.h"

namespace tinyrt {

uint32_t isqrt64(uint64_t x) {
  // Digit by digit, two bits of x per result bit.
  uint64_t rem = x;
  uint64_t root = 0;
  uint64_t bit = 1ull << 62;
  while (bit > rem) bit >>= 2;
  while (bit != 0) {
    if (rem >= root + bit) {
      rem -= root + bit;
      root = (root >> 1) + bit;
    } else {
      root >>= 1;
    }
    bit >>= 2;
  }
  return static_cast<uint32_t>(root);
}

namespace {

int msb64(uint64_t x) {
  const uint32_t hi = static_cast<uint32_t>(x >> 32);
  if (hi != 0) return 63 - __builtin_clz(hi);
  return 31 - __builtin_clz(static_cast<uint32_t>(x));
}

}  // namespace

int32_t log2_fixed(uint64_t x, int frac_bits) {
  if (x == 0) return INT32_MIN;
  if (frac_bits < 1) frac_bits = 1;
  if (frac_bits > 24) frac_bits = 24;
  const int msb = msb64(x);
  // Mantissa in [1, 2) as Q31 in [2^31, 2^32).
  uint64_t y = msb >= 31 ? (x >> (msb - 31)) : (x << (31 - msb));
  uint32_t frac = 0;
  for (int i = 0; i <= frac_bits; ++i) {  // one extra bit to round with
    const uint64_t sq = y * y;              // Q62, < 2^64
    frac <<= 1;
    if (sq >= (1ull << 63)) {
      frac |= 1u;
      y = (sq + (1ull << 31)) >> 32;
    } else {
      y = (sq + (1ull << 30)) >> 31;
      if (y > 0xFFFFFFFFull) y = 0xFFFFFFFFull;  // rounding reached 2.0: stay below
    }
  }
  frac = (frac + 1u) >> 1;
  return static_cast<int32_t>((static_cast<uint32_t>(msb) << frac_bits) + frac);
}

int32_t ln_q16(uint64_t x) {
  const int32_t l2 = log2_fixed(x, 16);
  if (l2 == INT32_MIN) return INT32_MIN;
  return static_cast<int32_t>((static_cast<int64_t>(l2) * kLn2Q31 + (int64_t{1} << 30)) >> 31);
}

}  // namespace tinyrt
