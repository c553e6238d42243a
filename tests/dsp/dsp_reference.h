#pragma once
// Float references for the fixed-point DSP tests: Eigen's FFT, HTK mel filters
// and an orthonormal DCT-II, all in double precision.
#include <stdint.h>

#include <cmath>
#include <complex>
#include <random>
#include <unsupported/Eigen/FFT>
#include <vector>

namespace dsp_test {

/// mt19937's output is fixed by the standard, so inputs are the same everywhere.
struct Rng {
  explicit Rng(uint32_t seed) : engine(seed) {}
  int32_t between(int32_t lo, int32_t hi) {  // inclusive, any range in int32
    const uint64_t span = static_cast<uint64_t>(static_cast<int64_t>(hi) - lo) + 1u;
    return static_cast<int32_t>(lo + static_cast<int64_t>(engine() % span));
  }
  double unit() { return static_cast<double>(engine()) / 4294967296.0; }
  std::mt19937 engine;
};

/// Bins 0..n/2 of the DFT of x, by Eigen.
inline std::vector<std::complex<double>> reference_rfft(const std::vector<int16_t>& x) {
  std::vector<double> in(x.begin(), x.end());
  std::vector<std::complex<double>> full;
  Eigen::FFT<double> fft;
  fft.fwd(full, in);
  full.resize(x.size() / 2 + 1);
  return full;
}

/// 10 log10(signal / error) of the fixed-point spectrum scaled by 2^e.
inline double snr_db(const std::vector<std::complex<double>>& ref, const int32_t* out, int32_t e) {
  double sig = 0, err = 0;
  for (size_t k = 0; k < ref.size(); ++k) {
    const std::complex<double> got(std::ldexp(out[2 * k], e), std::ldexp(out[2 * k + 1], e));
    sig += std::norm(ref[k]);
    err += std::norm(got - ref[k]);
  }
  return 10.0 * std::log10(sig / err);
}

inline double htk_mel(double hz) { return 1127.0 * std::log(1.0 + hz / 700.0); }

/// weights[b][k]: HTK triangles, linear in mel, edges evenly spaced in mel.
inline std::vector<std::vector<double>> reference_mel_weights(double fs, int n, int bands, double lo_hz,
                                                              double hi_hz) {
  const double lo = htk_mel(lo_hz), hi = htk_mel(hi_hz);
  std::vector<double> p(bands + 2);
  for (int j = 0; j < bands + 2; ++j) p[j] = lo + (hi - lo) * j / (bands + 1);
  std::vector<std::vector<double>> w(bands, std::vector<double>(n / 2 + 1, 0.0));
  for (int k = 0; k <= n / 2; ++k) {
    const double m = htk_mel(k * fs / n);
    for (int b = 0; b < bands; ++b) {
      if (m > p[b] && m <= p[b + 1]) w[b][k] = (m - p[b]) / (p[b + 1] - p[b]);
      if (m > p[b + 1] && m < p[b + 2]) w[b][k] = (p[b + 2] - m) / (p[b + 2] - p[b + 1]);
    }
  }
  return w;
}

}  // namespace dsp_test
