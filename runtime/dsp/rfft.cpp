#include "dsp/rfft.h"

#include "dsp/q15_product.h"
#include "dsp/trig_q15.h"

namespace tinyrt {
namespace {

/// Largest component allowed into a stage: a butterfly output is at most
/// |a| + |W b| <= M + sqrt(2) M per component, and 2^29 (1 + sqrt 2) < 2^31.
constexpr int32_t kStageLimit = int32_t{1} << 29;

/// Input scaling: int16 << 14 is within kStageLimit, leaving 14 bits below
/// the sample's LSB for rounding noise to fall into.
constexpr int32_t kInputShift = 14;

/// Shifts the block right (rounded) until every component is <= kStageLimit;
/// returns the shift.
int32_t normalise(int32_t* d, uint32_t count) {
  uint32_t m = 0;
  for (uint32_t i = 0; i < count; ++i) {
    const uint32_t a = d[i] < 0 ? 0u - static_cast<uint32_t>(d[i]) : static_cast<uint32_t>(d[i]);
    if (a > m) m = a;
  }
  int32_t s = 0;
  while (((static_cast<uint64_t>(m) + ((1ull << s) >> 1)) >> s) > static_cast<uint64_t>(kStageLimit)) ++s;
  if (s == 0) return 0;
  const int32_t half = 1 << (s - 1);
  for (uint32_t i = 0; i < count; ++i) d[i] = static_cast<int32_t>((static_cast<int64_t>(d[i]) + half) >> s);
  return s;
}

/// Twiddle parts for j / 1024 of a turn in Q15, with +-1 as exactly +-32768:
/// the products are 64-bit, so the table's int16 saturation need not cost
/// the trivial twiddles their exactness (a DC input stays exact).
int32_t twiddle_cos(uint32_t j) {
  j &= 1023u;
  return j == 0 ? 32768 : (j == 512 ? -32768 : cos_turn1024(j));
}
int32_t twiddle_sin(uint32_t j) {
  j &= 1023u;
  return j == 256 ? 32768 : (j == 768 ? -32768 : sin_turn1024(j));
}

uint32_t reverse_bits(uint32_t x, uint32_t bits) {
  uint32_t r = 0;
  for (uint32_t b = 0; b < bits; ++b) {
    r = (r << 1) | (x & 1u);
    x >>= 1;
  }
  return r;
}

/// In-place complex FFT of m = 2^bits points, interleaved re/im; returns the
/// shifts it applied.
int32_t complex_fft(int32_t* z, uint32_t m, uint32_t bits) {
  for (uint32_t i = 0; i < m; ++i) {
    const uint32_t j = reverse_bits(i, bits);
    if (j > i) {
      const int32_t re = z[2 * i], im = z[2 * i + 1];
      z[2 * i] = z[2 * j];
      z[2 * i + 1] = z[2 * j + 1];
      z[2 * j] = re;
      z[2 * j + 1] = im;
    }
  }
  int32_t shifts = 0;
  for (uint32_t len = 2; len <= m; len <<= 1) {
    shifts += normalise(z, 2 * m);
    const uint32_t half = len / 2;
    const uint32_t step = 1024u / len;  // W_len^k is 1024-turn index k * step
    for (uint32_t k = 0; k < half; ++k) {
      const int32_t wr = twiddle_cos(k * step);
      const int32_t wi = -twiddle_sin(k * step);
      for (uint32_t a = k; a < m; a += len) {
        const uint32_t b = a + half;
        const int32_t br = z[2 * b], bi = z[2 * b + 1];
        const int32_t tr = q15_dot(br, wr, bi, -wi);
        const int32_t ti = q15_dot(br, wi, bi, wr);
        const int32_t ar = z[2 * a], ai = z[2 * a + 1];
        z[2 * a] = ar + tr;  // |.| <= 2^29 (1 + sqrt 2) + 1 < 2^31
        z[2 * a + 1] = ai + ti;
        z[2 * b] = ar - tr;
        z[2 * b + 1] = ai - ti;
      }
    }
  }
  return shifts;
}

}  // namespace

DspStatus rfft_init(RfftSetup& setup, uint32_t n) {
  if (n < 64 || n > 1024 || (n & (n - 1u)) != 0) return DspStatus::kBadSize;
  setup.n = n;
  setup.log2n = 0;
  while ((1u << setup.log2n) < n) ++setup.log2n;
  return DspStatus::kOk;
}

/// The transform proper, on n samples already in `out` with every component
/// <= kStageLimit; returns the exponent it adds.
static int32_t rfft_in_place(const RfftSetup& setup, int32_t* out);

int32_t rfft_q15(const RfftSetup& setup, const int16_t* in, int32_t* out) {
  // z[t] = x[2t] + i x[2t+1]: the input order is already interleaved complex.
  for (uint32_t i = 0; i < setup.n; ++i) out[i] = static_cast<int32_t>(in[i]) * (1 << kInputShift);
  return -kInputShift + rfft_in_place(setup, out);
}

int32_t rfft_s32(const RfftSetup& setup, const int32_t* in, int32_t* out) {
  if (out != in) {
    for (uint32_t i = 0; i < setup.n; ++i) out[i] = in[i];
  }
  const int32_t exponent = normalise(out, setup.n);
  return exponent + rfft_in_place(setup, out);
}

static int32_t rfft_in_place(const RfftSetup& setup, int32_t* out) {
  const uint32_t n = setup.n;
  const uint32_t m = n / 2;
  int32_t exponent = complex_fft(out, m, setup.log2n - 1u);
  exponent += normalise(out, n);

  // Split step: with A = Z[k], B = conj(Z[m-k]),
  //   X[k] = E + W^k O,  E = (A + B)/2,  O = (A - B)/(2i),  W = e^(-2 pi i / n),
  //   X[m-k] = conj(E - W^k O).  Both halves are computed from 2E and 2O.
  const int32_t z0r = out[0], z0i = out[1];
  out[0] = z0r + z0i;
  out[1] = 0;
  out[n] = z0r - z0i;
  out[n + 1] = 0;
  const uint32_t step = 1024u / n;
  const int64_t round = int64_t{1} << 15;
  for (uint32_t k = 1; k <= m / 2; ++k) {
    const uint32_t j = m - k;
    const int64_t ar = out[2 * k], ai = out[2 * k + 1];
    const int64_t br = out[2 * j], bi = out[2 * j + 1];
    const int64_t e2r = ar + br, e2i = ai - bi;  // 2E
    const int64_t o2r = ai + bi, o2i = br - ar;  // 2O
    const int64_t wr = twiddle_cos(k * step);
    const int64_t wi = -twiddle_sin(k * step);
    const int64_t tr = o2r * wr - o2i * wi;  // 2 W O, Q15
    const int64_t ti = o2r * wi + o2i * wr;
    out[2 * k] = static_cast<int32_t>((e2r * 32768 + tr + round) >> 16);
    out[2 * k + 1] = static_cast<int32_t>((e2i * 32768 + ti + round) >> 16);
    if (j != k) {
      out[2 * j] = static_cast<int32_t>((e2r * 32768 - tr + round) >> 16);
      out[2 * j + 1] = static_cast<int32_t>((ti - e2i * 32768 + round) >> 16);
    }
  }
  return exponent;
}

}  // namespace tinyrt
