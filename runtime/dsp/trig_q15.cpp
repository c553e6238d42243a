#include "dsp/trig_q15.h"

namespace tinyrt {
namespace {

/// sin(k * pi/512) in Q15 for k = 0..256 (a quarter turn in 256 steps).
struct QuarterSine {
  int16_t v[257];
};

/// sin(x) for x in Q30 radians, 0 <= x <= pi/2, by its Taylor series in Q30
/// integer arithmetic (12 terms: the x^25 term is below 2^-40), so the table is
/// made by the compiler with no floating point, identically on every build.
constexpr int64_t taylor_sin_q30(int64_t x) {
  const int64_t x2 = (x * x + (int64_t{1} << 29)) >> 30;
  int64_t term = x;
  int64_t sum = x;
  for (int64_t n = 1; n < 12; ++n) {
    term = -((term * x2) / (int64_t{1} << 30)) / ((2 * n) * (2 * n + 1));
    sum += term;
  }
  return sum;
}

constexpr QuarterSine make_quarter_sine() {
  QuarterSine t{};
  constexpr uint64_t kPiQ61 = 7244019458077122842ull;  // pi * 2^61
  for (uint64_t k = 0; k <= 256; ++k) {
    // k * pi / 512 in Q30: (k * pi_Q61 / 512) >> 31, rounded.
    const int64_t x = static_cast<int64_t>((k * (kPiQ61 / 512u) + (1ull << 30)) >> 31);
    const int64_t q15 = (taylor_sin_q30(x) + (int64_t{1} << 14)) >> 15;
    t.v[k] = static_cast<int16_t>(q15 > 32767 ? 32767 : q15);
  }
  return t;
}

constexpr QuarterSine kQuarterSine = make_quarter_sine();
static_assert(kQuarterSine.v[0] == 0, "sin 0");
static_assert(kQuarterSine.v[128] == 23170, "sin pi/4 = round(23170.475)");
static_assert(kQuarterSine.v[256] == 32767, "sin pi/2 saturates to Q15 max");

/// sin over a quarter turn, p in [0, 2^30]: table plus linear interpolation
/// (the chord error of 256 steps per quarter is under 0.2 LSB).
int32_t quarter(uint32_t p) {
  const uint32_t idx = p >> 22;
  if (idx >= 256) return kQuarterSine.v[256];
  const int32_t frac = static_cast<int32_t>((p >> 6) & 0xFFFFu);
  const int32_t a = kQuarterSine.v[idx];
  const int32_t b = kQuarterSine.v[idx + 1];
  return a + (((b - a) * frac + (1 << 15)) >> 16);
}

}  // namespace

int16_t sin_q15(uint32_t phase) {
  const uint32_t p = phase & 0x3FFFFFFFu;
  int32_t v = 0;
  switch (phase >> 30) {
    case 0: v = quarter(p); break;
    case 1: v = quarter(0x40000000u - p); break;
    case 2: v = -quarter(p); break;
    default: v = -quarter(0x40000000u - p); break;
  }
  return static_cast<int16_t>(v);
}

int16_t cos_q15(uint32_t phase) { return sin_q15(phase + 0x40000000u); }

int16_t sin_turn1024(uint32_t j) {
  j &= 1023u;
  const uint32_t k = j & 255u;
  switch (j >> 8) {
    case 0: return kQuarterSine.v[k];
    case 1: return kQuarterSine.v[256 - k];
    case 2: return static_cast<int16_t>(-kQuarterSine.v[k]);
    default: return static_cast<int16_t>(-kQuarterSine.v[256 - k]);
  }
}

int16_t cos_turn1024(uint32_t j) { return sin_turn1024(j + 256u); }

int32_t sin_q30(uint32_t phase) {
  // Quarter-turn position in Q30 radians: p * (pi/2) / 2^30, pi/2 = pi_Q61 / 2^32.
  constexpr uint64_t kHalfPiQ30 = 1686629713u;  // round(pi/2 * 2^30)
  const uint32_t p = phase & 0x3FFFFFFFu;
  const uint32_t q = phase >> 30;
  const uint64_t pos = (q & 1u) ? 0x40000000u - p : p;
  const int64_t x = static_cast<int64_t>((pos * kHalfPiQ30 + (1ull << 29)) >> 30);
  int64_t v = taylor_sin_q30(x);
  if (v > 0x40000000) v = 0x40000000;
  return static_cast<int32_t>(q >= 2 ? -v : v);
}

int32_t cos_q30(uint32_t phase) { return sin_q30(phase + 0x40000000u); }

uint32_t phase_of(uint64_t num, uint64_t den) {
  const uint64_t r = num % den;
  return static_cast<uint32_t>(((r << 32) + den / 2) / den);
}

}  // namespace tinyrt
