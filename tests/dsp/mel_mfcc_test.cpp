// Mel filterbank, log-mel and MFCC against a double-precision chain: Eigen FFT,
// HTK triangles in double, std::log, and an orthonormal DCT-II as an Eigen matrix.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <vector>

#include "dsp/fixed_math.h"
#include "dsp/mel_filterbank.h"
#include "dsp/mfcc.h"
#include "dsp/power_spectrum.h"
#include "dsp/rfft.h"
#include "dsp/window.h"
#include "dsp_reference.h"

namespace {

constexpr uint32_t kRate = 16000, kFft = 512, kBands = 40, kLow = 20, kHigh = 8000, kCeps = 13;

struct Mel {
  Mel(uint32_t rate, uint32_t fft, uint32_t bands, uint32_t lo, uint32_t hi)
      : band(tinyrt::mel_table_entries(fft)), weight(tinyrt::mel_table_entries(fft)) {
    status = tinyrt::mel_init(setup, rate, fft, bands, lo, hi, band.data(), weight.data(),
                              static_cast<uint32_t>(band.size()));
  }
  double w(uint32_t b, uint32_t k) const {
    if (band[k] == static_cast<int32_t>(b)) return weight[k] / 32768.0;
    if (band[k] == static_cast<int32_t>(b) + 1) return (32768 - weight[k]) / 32768.0;
    return 0.0;
  }
  tinyrt::MelSetup setup;
  std::vector<int16_t> band;
  std::vector<uint16_t> weight;
  tinyrt::DspStatus status;
};

TEST(MelFilterbank, WeightsMatchHtkTrianglesWithinQ15) {
  struct Case { uint32_t rate, fft, bands, lo, hi; };
  for (const Case c : {Case{16000, 512, 40, 20, 8000}, Case{16000, 256, 32, 125, 7500},
                       Case{8000, 1024, 64, 0, 4000}, Case{1000, 64, 8, 10, 400}}) {
    Mel mel(c.rate, c.fft, c.bands, c.lo, c.hi);
    ASSERT_EQ(mel.status, tinyrt::DspStatus::kOk);
    const auto ref = dsp_test::reference_mel_weights(c.rate, c.fft, c.bands, c.lo, c.hi);
    double worst = 0;
    for (uint32_t b = 0; b < c.bands; ++b) {
      for (uint32_t k = 0; k <= c.fft / 2; ++k) worst = std::max(worst, std::fabs(mel.w(b, k) - ref[b][k]));
    }
    std::printf("mel weights fs=%u n=%u bands=%u: worst |error| %.2e\n", c.rate, c.fft, c.bands, worst);
    EXPECT_LT(worst, 5e-5);  // 1.6 Q15 LSB; measured 1.7e-5
  }
}

// Bin by bin: an impulse of power lands in at most two bands, and between the
// first and the last band centre the two weights add up to exactly 1.0.
TEST(MelFilterbank, EnergiesAreExactAndWeightsPartitionUnity) {
  Mel mel(kRate, kFft, kBands, kLow, kHigh);
  ASSERT_EQ(mel.status, tinyrt::DspStatus::kOk);
  std::vector<int32_t> power(kFft / 2 + 1, 0);
  std::vector<uint64_t> energy(kBands);
  int interior = 0;
  for (uint32_t k = 0; k <= kFft / 2; ++k) {
    power.assign(power.size(), 0);
    power[k] = 1000003;
    tinyrt::mel_energies(mel.setup, power.data(), energy.data());
    uint64_t total = 0;
    for (uint64_t e : energy) total += e;
    const int32_t j = mel.band[k];
    if (j < 0) {
      EXPECT_EQ(total, 0u) << k;
      continue;
    }
    if (j < static_cast<int32_t>(kBands)) {
      EXPECT_EQ(energy[j], 1000003ull * mel.weight[k]) << k;
    }
    if (j > 0) {
      EXPECT_EQ(energy[j - 1], 1000003ull * (32768u - mel.weight[k])) << k;
    }
    if (j > 0 && j < static_cast<int32_t>(kBands)) {
      EXPECT_EQ(total, 1000003ull * 32768u) << k;
      ++interior;
    }
  }
  EXPECT_GT(interior, 200);  // most of the 257 bins lie between the outer centres
}

TEST(MelFilterbank, BadSetupsAreRefused) {
  EXPECT_EQ(Mel(16000, 500, 40, 20, 8000).status, tinyrt::DspStatus::kBadSize);
  EXPECT_EQ(Mel(16000, 512, 0, 20, 8000).status, tinyrt::DspStatus::kBadSize);
  EXPECT_EQ(Mel(16000, 512, 40, 20, 8001).status, tinyrt::DspStatus::kBadArgument);
  EXPECT_EQ(Mel(16000, 512, 40, 300, 300).status, tinyrt::DspStatus::kBadArgument);
  tinyrt::MelSetup s;
  int16_t band[10];
  uint16_t weight[10];
  EXPECT_EQ(tinyrt::mel_init(s, 16000, 512, 40, 20, 8000, band, weight, 10), tinyrt::DspStatus::kBufferTooSmall);
}

/// A spoken-like test frame: three harmonics and noise, Hann windowed.
std::vector<int16_t> test_frame(uint32_t seed, double level) {
  dsp_test::Rng rng(seed);
  std::vector<int16_t> w(kFft), x(kFft);
  tinyrt::window_init(tinyrt::WindowKind::kHann, kFft, true, w.data());
  for (uint32_t t = 0; t < kFft; ++t) {
    const double s = 0.5 * std::sin(2 * M_PI * 220.0 * t / kRate) + 0.25 * std::sin(2 * M_PI * 1330.0 * t / kRate + 1) +
                     0.1 * std::sin(2 * M_PI * 3700.0 * t / kRate + 2) + 0.05 * (rng.unit() - 0.5);
    x[t] = static_cast<int16_t>(std::lround(level * 32767.0 * s / 0.9));
  }
  tinyrt::window_apply(w.data(), x.data(), x.data(), kFft);
  return x;
}

/// The fixed-point chain: FFT -> power -> mel -> ln (Q16).
std::vector<int32_t> fixed_log_mel(const Mel& mel, const std::vector<int16_t>& x) {
  tinyrt::RfftSetup fft;
  tinyrt::rfft_init(fft, kFft);
  std::vector<int32_t> spec(tinyrt::rfft_output_length(kFft));
  const int32_t e = tinyrt::rfft_q15(fft, x.data(), spec.data());
  std::vector<int32_t> power(kFft / 2 + 1);
  const int32_t pe = tinyrt::power_spectrum(spec.data(), kFft / 2 + 1, e, power.data());
  std::vector<uint64_t> energy(kBands);
  tinyrt::mel_energies(mel.setup, power.data(), energy.data());
  std::vector<int32_t> out(kBands);
  tinyrt::log_mel(mel.setup, energy.data(), pe, out.data());
  return out;
}

/// The same chain in double from the same int16 frame.
Eigen::VectorXd reference_log_mel(const std::vector<int16_t>& x) {
  const auto spec = dsp_test::reference_rfft(x);
  const auto w = dsp_test::reference_mel_weights(kRate, kFft, kBands, kLow, kHigh);
  Eigen::VectorXd out(kBands);
  for (uint32_t b = 0; b < kBands; ++b) {
    double e = 0;
    for (uint32_t k = 0; k <= kFft / 2; ++k) e += w[b][k] * std::norm(spec[k]);
    out[b] = std::log(e);
  }
  return out;
}

TEST(LogMel, WithinFiveHundredthsOfADecibelOfDoubleReference) {
  Mel mel(kRate, kFft, kBands, kLow, kHigh);
  ASSERT_EQ(mel.status, tinyrt::DspStatus::kOk);
  for (double level : {1.0, 0.01}) {
    double worst_db = 0;
    for (uint32_t seed = 1; seed <= 20; ++seed) {
      const std::vector<int16_t> x = test_frame(seed, level);
      const std::vector<int32_t> got = fixed_log_mel(mel, x);
      const Eigen::VectorXd ref = reference_log_mel(x);
      for (uint32_t b = 0; b < kBands; ++b) {
        // ln -> dB: 10 log10(e) = 10 / ln(10) * ln(e).
        const double db = 10.0 / std::log(10.0) * std::fabs(got[b] / 65536.0 - ref[b]);
        worst_db = std::max(worst_db, db);
      }
    }
    std::printf("log-mel level %.2f: worst band error %.4f dB\n", level, worst_db);
    EXPECT_LT(worst_db, 0.05);  // measured 0.012 dB
  }
}

TEST(Mfcc, DctTableWithinHalfAnLsbOfOrthonormalDct) {
  for (uint32_t bands : {1u, 2u, 10u, 40u, 64u}) {
    const uint32_t coeffs = std::min(bands, 13u);
    std::vector<int16_t> table(tinyrt::mfcc_table_entries(bands, coeffs));
    tinyrt::MfccSetup setup;
    ASSERT_EQ(tinyrt::mfcc_init(setup, bands, coeffs, table.data(), static_cast<uint32_t>(table.size())),
              tinyrt::DspStatus::kOk);
    for (uint32_t i = 0; i < coeffs; ++i) {
      const double s = std::sqrt((i == 0 ? 1.0 : 2.0) / bands);
      for (uint32_t b = 0; b < bands; ++b) {
        const double ref = std::min(32767.0, 32768.0 * s * std::cos(M_PI * i * (2 * b + 1) / (2.0 * bands)));
        ASSERT_LE(std::fabs(table[i * bands + b] - ref), 0.51) << bands << " " << i << " " << b;
      }
    }
  }
  tinyrt::MfccSetup setup;
  int16_t t[4];
  EXPECT_EQ(tinyrt::mfcc_init(setup, 4, 5, t, 20), tinyrt::DspStatus::kBadSize);
  EXPECT_EQ(tinyrt::mfcc_init(setup, 4, 2, t, 4), tinyrt::DspStatus::kBufferTooSmall);
}

TEST(Mfcc, EndToEndWithinBoundOfDoubleChain) {
  Mel mel(kRate, kFft, kBands, kLow, kHigh);
  std::vector<int16_t> table(tinyrt::mfcc_table_entries(kBands, kCeps));
  tinyrt::MfccSetup setup;
  ASSERT_EQ(tinyrt::mfcc_init(setup, kBands, kCeps, table.data(), static_cast<uint32_t>(table.size())),
            tinyrt::DspStatus::kOk);
  Eigen::MatrixXd dct(kCeps, kBands);
  for (uint32_t i = 0; i < kCeps; ++i) {
    for (uint32_t b = 0; b < kBands; ++b) {
      dct(i, b) = std::sqrt((i == 0 ? 1.0 : 2.0) / kBands) * std::cos(M_PI * i * (2 * b + 1) / (2.0 * kBands));
    }
  }
  double worst_dct = 0, worst_chain = 0;
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    const std::vector<int16_t> x = test_frame(seed, 0.5);
    const std::vector<int32_t> lm = fixed_log_mel(mel, x);
    std::vector<int32_t> c(kCeps);
    tinyrt::mfcc(setup, lm.data(), c.data());
    Eigen::VectorXd lm_d(kBands);
    for (uint32_t b = 0; b < kBands; ++b) lm_d[b] = lm[b] / 65536.0;
    const Eigen::VectorXd same_input = dct * lm_d;               // DCT error alone
    const Eigen::VectorXd chain = dct * reference_log_mel(x);  // whole pipeline
    for (uint32_t i = 0; i < kCeps; ++i) {
      worst_dct = std::max(worst_dct, std::fabs(c[i] / 65536.0 - same_input[i]));
      worst_chain = std::max(worst_chain, std::fabs(c[i] / 65536.0 - chain[i]));
    }
  }
  std::printf("MFCC worst error: DCT alone %.2e, whole chain %.2e (natural-log units)\n", worst_dct, worst_chain);
  EXPECT_LT(worst_dct, 5e-3);    // measured 1.8e-3
  EXPECT_LT(worst_chain, 1e-2);  // measured 2.6e-3
}

}  // namespace
