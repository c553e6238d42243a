// The fixed-point real FFT against Eigen's double FFT of the same int16 input.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "dsp/power_spectrum.h"
#include "dsp/q15_product.h"
#include "dsp/trig_q15.h"
#include "dsp/rfft.h"
#include "dsp_reference.h"

namespace {

struct Result {
  std::vector<int32_t> out;
  int32_t exponent;
};

Result run(const std::vector<int16_t>& x) {
  tinyrt::RfftSetup setup;
  EXPECT_EQ(tinyrt::rfft_init(setup, static_cast<uint32_t>(x.size())), tinyrt::DspStatus::kOk);
  Result r{std::vector<int32_t>(tinyrt::rfft_output_length(setup.n)), 0};
  r.exponent = tinyrt::rfft_q15(setup, x.data(), r.out.data());
  return r;
}

std::vector<int16_t> sine(uint32_t n, double cycles, double amplitude, double phase = 0.3) {
  std::vector<int16_t> x(n);
  for (uint32_t t = 0; t < n; ++t) {
    x[t] = static_cast<int16_t>(std::lround(amplitude * std::sin(2.0 * M_PI * cycles * t / n + phase)));
  }
  return x;
}

TEST(Rfft, FullScaleSineSnrAbove85dBAtEverySize) {
  for (uint32_t n = 64; n <= 1024; n *= 2) {
    for (double cycles : {5.0, 13.37, n / 4.0 - 1.0}) {
      const std::vector<int16_t> x = sine(n, cycles, 32767.0);
      const Result r = run(x);
      const double snr = dsp_test::snr_db(dsp_test::reference_rfft(x), r.out.data(), r.exponent);
      std::printf("n=%4u cycles=%7.2f exponent=%d SNR %.1f dB\n", n, cycles, r.exponent, snr);
      EXPECT_GT(snr, 85.0) << n << " " << cycles;  // measured 92.5..96.4 dB
    }
  }
}

TEST(Rfft, NoiseAndQuietSignalsKeepTheirPrecision) {
  dsp_test::Rng rng(42);
  for (uint32_t n = 64; n <= 1024; n *= 2) {
    std::vector<int16_t> noise(n);
    for (int16_t& v : noise) v = static_cast<int16_t>(rng.between(-32768, 32767));
    const Result r = run(noise);
    const double snr = dsp_test::snr_db(dsp_test::reference_rfft(noise), r.out.data(), r.exponent);
    // Block floating point: a 40 dB quieter sine must not lose 40 dB of SNR.
    const std::vector<int16_t> quiet = sine(n, 7.5, 327.0);
    const Result q = run(quiet);
    const double snr_quiet = dsp_test::snr_db(dsp_test::reference_rfft(quiet), q.out.data(), q.exponent);
    std::printf("n=%4u white noise SNR %.1f dB, -40 dBFS sine SNR %.1f dB (exponent %d)\n", n, snr,
                snr_quiet, q.exponent);
    EXPECT_GT(snr, 85.0);        // measured 93.3..95.2 dB
    EXPECT_GT(snr_quiet, 85.0);  // measured 93.0..96.1 dB
    EXPECT_LT(q.exponent, r.exponent);
  }
}

// Inputs that drive every butterfly to its bound: no overflow, no wrap-around.
TEST(Rfft, ExtremeInputsDoNotOverflow) {
  dsp_test::Rng rng(1);
  for (uint32_t n = 64; n <= 1024; n *= 2) {
    std::vector<std::vector<int16_t>> inputs(4, std::vector<int16_t>(n));
    for (uint32_t t = 0; t < n; ++t) {
      inputs[0][t] = -32768;                                   // DC at the negative limit
      inputs[1][t] = t % 2 ? 32767 : -32768;                   // Nyquist
      inputs[2][t] = rng.engine() % 2 ? 32767 : -32768;        // random full-scale signs
      inputs[3][t] = (t / 4) % 2 ? 32767 : -32768;             // square wave, n/8 cycles
    }
    for (const auto& x : inputs) {
      const Result r = run(x);
      EXPECT_GT(dsp_test::snr_db(dsp_test::reference_rfft(x), r.out.data(), r.exponent), 85.0) << n;
    }
  }
}

TEST(Rfft, ImpulseAndDcAreExact) {
  std::vector<int16_t> impulse(256, 0);
  impulse[0] = 1000;
  const Result r = run(impulse);
  for (uint32_t k = 0; k <= 128; ++k) {
    EXPECT_EQ(std::ldexp(r.out[2 * k], r.exponent), 1000.0) << k;
    EXPECT_EQ(r.out[2 * k + 1], 0) << k;
  }
  std::vector<int16_t> dc(64, 100);
  const Result d = run(dc);
  EXPECT_EQ(std::ldexp(d.out[0], d.exponent), 6400.0);
  for (uint32_t k = 1; k <= 32; ++k) EXPECT_EQ(d.out[2 * k], 0) << k;
}

// The M0+ FFT multiplies with 32-bit products only; it must match the 64-bit
// path bit for bit over the whole range the FFT feeds it.
TEST(Rfft, SplitProductMatchesWideProductExactly) {
  std::vector<std::pair<int32_t, int32_t>> twiddles;  // (cos, -sin) with +-1 exact, as the FFT uses
  for (uint32_t j = 0; j < 1024; ++j) {
    int32_t c = tinyrt::cos_turn1024(j), s = tinyrt::sin_turn1024(j);
    if (j == 0) c = 32768;
    if (j == 512) c = -32768;
    if (j == 256) s = 32768;
    if (j == 768) s = -32768;
    twiddles.push_back({c, -s});
  }
  const int32_t edges[] = {0, 1, -1, 32767, -32768, 65535, -65536, 65536, (1 << 30) - 1, 1 << 30, -(1 << 30)};
  dsp_test::Rng rng(77);
  for (int i = 0; i < 2000000; ++i) {
    const auto& w = twiddles[rng.engine() % 1024];
    const int32_t b0 = i < 121 ? edges[i % 11] : rng.between(-(1 << 30), 1 << 30);
    const int32_t b1 = i < 121 ? edges[i / 11] : rng.between(-(1 << 30), 1 << 30);
    ASSERT_EQ(tinyrt::q15_dot_split(b0, w.first, b1, -w.second), tinyrt::q15_dot_wide(b0, w.first, b1, -w.second))
        << b0 << " " << b1;
    ASSERT_EQ(tinyrt::q15_dot_split(b0, w.second, b1, w.first), tinyrt::q15_dot_wide(b0, w.second, b1, w.first))
        << b0 << " " << b1;
  }
}

TEST(Rfft, Int32InputMatchesInt16PathAndKeeps24BitPrecision) {
  dsp_test::Rng rng(24);
  for (uint32_t n = 64; n <= 1024; n *= 2) {
    std::vector<int16_t> x(n);
    for (int16_t& v : x) v = static_cast<int16_t>(rng.between(-32768, 32767));
    std::vector<int32_t> wide(tinyrt::rfft_output_length(n));
    for (uint32_t t = 0; t < n; ++t) wide[t] = x[t] * (1 << 14);
    tinyrt::RfftSetup setup;
    ASSERT_EQ(tinyrt::rfft_init(setup, n), tinyrt::DspStatus::kOk);
    const Result r = run(x);
    EXPECT_EQ(tinyrt::rfft_s32(setup, wide.data(), wide.data()), r.exponent + 14);  // in place
    EXPECT_EQ(wide, r.out);

    // 24-bit samples, as from an I2S MEMS microphone.
    std::vector<int32_t> in(n), out(tinyrt::rfft_output_length(n));
    std::vector<double> ref_in(n);
    for (uint32_t t = 0; t < n; ++t) ref_in[t] = in[t] = rng.between(-(1 << 23), (1 << 23) - 1);
    const int32_t e = tinyrt::rfft_s32(setup, in.data(), out.data());
    std::vector<std::complex<double>> ref;
    Eigen::FFT<double> fft;
    fft.fwd(ref, ref_in);
    ref.resize(n / 2 + 1);
    const double snr = dsp_test::snr_db(ref, out.data(), e);
    std::printf("n=%4u 24-bit noise SNR %.1f dB\n", n, snr);
    EXPECT_GT(snr, 85.0);
  }
}

TEST(Rfft, BadSizesAreRefused) {
  tinyrt::RfftSetup setup;
  ASSERT_EQ(tinyrt::rfft_init(setup, 512), tinyrt::DspStatus::kOk);
  EXPECT_EQ(setup.log2n, 9u);
  for (uint32_t bad : {0u, 32u, 100u, 2048u}) EXPECT_EQ(tinyrt::rfft_init(setup, bad), tinyrt::DspStatus::kBadSize);
}

TEST(PowerSpectrum, ExactWhenSmallAndBlockScaledWhenLarge) {
  const int32_t small[6] = {3, 4, -20000, 0, 0, -1};
  int32_t p[3];
  EXPECT_EQ(tinyrt::power_spectrum(small, 3, -5, p), -10);  // 2 * 20000^2 < 2^31: no shift
  EXPECT_EQ(p[0], 25);
  EXPECT_EQ(p[1], 400000000);
  EXPECT_EQ(p[2], 1);
  // max component 2^30: bound 2^61 needs a shift of 31 to fit 31 bits.
  const int32_t big[4] = {1 << 30, 1 << 30, 3 << 20, 0};
  EXPECT_EQ(tinyrt::power_spectrum(big, 2, 0, p), 31);
  EXPECT_EQ(p[0], 1 << 30);  // 2^61 >> 31
  EXPECT_EQ(p[1], 4608);     // 9 * 2^40 >> 31 = 9 * 2^9
}

TEST(PowerSpectrum, MatchesEigenPowerWithin1e4OfTotal) {
  const std::vector<int16_t> x = sine(512, 31.25, 30000.0);
  const Result r = run(x);
  std::vector<int32_t> p(257);
  const int32_t pe = tinyrt::power_spectrum(r.out.data(), 257, r.exponent, p.data());
  const auto ref = dsp_test::reference_rfft(x);
  double sig = 0, err = 0;
  for (size_t k = 0; k < ref.size(); ++k) {
    sig += std::norm(ref[k]);
    err += std::fabs(std::ldexp(static_cast<double>(p[k]), pe) - std::norm(ref[k]));
  }
  // Summed |power error| relative to total power (measured 2.1e-5).
  EXPECT_LT(err / sig, 1e-4);
}

}  // namespace
