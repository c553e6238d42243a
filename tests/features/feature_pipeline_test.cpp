// The feature pipeline shared by firmware and trainer: exact statistics, spectral
// features that put a tone in the right mel band, sizes, and int8 quantisation.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "features/feature_pipeline.h"

namespace tinyrt {
namespace {

struct Pipeline {
  explicit Pipeline(const FeatureConfig& c) : workspace(feature_workspace_bytes(c) + 8) {
    ok = pipeline.init(c, aligned(), feature_workspace_bytes(c));
  }
  uint8_t* aligned() {
    return reinterpret_cast<uint8_t*>((reinterpret_cast<uintptr_t>(workspace.data()) + 7) & ~uintptr_t{7});
  }
  std::vector<uint8_t> workspace;
  FeaturePipeline pipeline;
  bool ok = false;
};

TEST(FeaturePipeline, StatisticsPerChannelAreExact) {
  FeatureConfig c;
  c.kind = FeatureKind::kStatistics;
  c.window_frames = 4;
  c.channels = 2;
  Pipeline p(c);
  ASSERT_TRUE(p.ok);
  ASSERT_EQ(p.pipeline.count(), 8u);
  // channel 0: 100, -100, 100, -100; channel 1: 10, 20, 30, 40.
  const int16_t window[] = {100, 10, -100, 20, 100, 30, -100, 40};
  std::vector<int32_t> v(8);
  p.pipeline.extract(window, v.data());
  // mean, RMS, peak-to-peak, zero crossings, all Q8.
  // channel 1's RMS: sqrt((100 + 400 + 900 + 1600) / 4) = sqrt(750) -> round(27.386 * 256) = 7011.
  EXPECT_EQ(v, (std::vector<int32_t>{0, 100 * 256, 200 * 256, 3 * 256,  //
                                     25 * 256, 7011, 30 * 256, 0}));
}

TEST(FeaturePipeline, RmsOfRampIsRoundedQ8) {
  FeatureConfig c;
  c.kind = FeatureKind::kStatistics;
  c.window_frames = 4;
  c.channels = 1;
  Pipeline p(c);
  ASSERT_TRUE(p.ok);
  const int16_t window[] = {10, 20, 30, 40};
  std::vector<int32_t> v(4);
  p.pipeline.extract(window, v.data());
  EXPECT_EQ(v[1], static_cast<int32_t>(std::lround(std::sqrt(750.0) * 256)));  // 7011
}

TEST(FeaturePipeline, LogMelPutsAToneInItsBand) {
  FeatureConfig c;
  c.kind = FeatureKind::kLogMel;
  c.window_frames = 1024;
  c.channels = 1;
  c.sample_rate_hz = 16000;
  c.fft_size = 256;
  c.hop_frames = 128;
  c.mel_bands = 32;
  Pipeline p(c);
  ASSERT_TRUE(p.ok);
  ASSERT_EQ(p.pipeline.count(), 7u * 32u);  // 1 + (1024 - 256) / 128 frames
  std::vector<int16_t> tone(1024);
  for (size_t i = 0; i < tone.size(); ++i) tone[i] = static_cast<int16_t>(std::lround(8000 * std::sin(2 * M_PI * 1000 * static_cast<double>(i) / 16000.0)));
  std::vector<int32_t> v(p.pipeline.count());
  p.pipeline.extract(tone.data(), v.data());
  // The band whose centre (HTK mel, evenly spaced from 20 Hz to 8 kHz) is nearest 1 kHz.
  auto mel = [](double f) { return 1127 * std::log(1 + f / 700); };
  const double step = (mel(8000) - mel(20)) / 33;
  int expected = 0;
  for (int b = 0; b < 32; ++b)
    if (std::fabs(mel(20) + step * (b + 1) - mel(1000)) < std::fabs(mel(20) + step * (expected + 1) - mel(1000)))
      expected = b;
  for (int frame = 0; frame < 7; ++frame) {
    int best = 0;
    for (int b = 1; b < 32; ++b)
      if (v[frame * 32 + b] > v[frame * 32 + best]) best = b;
    EXPECT_EQ(best, expected) << "frame " << frame;
  }
}

TEST(FeaturePipeline, MfccCountAndInvalidSettings) {
  FeatureConfig c;
  c.kind = FeatureKind::kMfcc;
  c.window_frames = 640;
  c.sample_rate_hz = 16000;
  c.fft_size = 512;
  c.hop_frames = 128;
  c.mel_bands = 40;
  c.mfcc_coeffs = 10;
  Pipeline p(c);
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.pipeline.count(), 2u * 10u);

  FeatureConfig bad = c;
  bad.fft_size = 300;  // not a power of two
  Pipeline q(bad);
  EXPECT_FALSE(q.ok);
  FeatureConfig small = c;
  FeaturePipeline r;
  std::vector<uint8_t> tiny(16);
  EXPECT_FALSE(r.init(small, tiny.data(), 16));
}

TEST(FeaturePipeline, QuantisesWithTheInputScale) {
  FeatureConfig c;
  c.kind = FeatureKind::kStatistics;
  c.window_frames = 2;
  c.channels = 1;
  Pipeline p(c);
  ASSERT_TRUE(p.ok);
  const int16_t window[] = {30, 50};  // mean 40, RMS sqrt(1700) = 41.23, p2p 20, crossings 0
  int8_t out[4];
  p.pipeline.extract_quantized(window, QuantParams{0.5f, -10}, out);
  // q = round(v / 0.5) - 10, clamped: 80 - 10, round(82.46) - 10, 40 - 10, 0 - 10.
  EXPECT_EQ(out[0], 70);
  EXPECT_EQ(out[1], 72);
  EXPECT_EQ(out[2], 30);
  EXPECT_EQ(out[3], -10);
}

TEST(FeaturePipeline, NormalizedChannelsAreExactQ8) {
  FeatureConfig c;
  c.kind = FeatureKind::kNormalized;
  c.window_frames = 4;
  c.channels = 2;
  c.normalization[0] = {100, 0};   // (x - 100) * 256
  c.normalization[1] = {-50, 12};  // (x + 50) * 256 / 4096 = (x + 50) / 16, rounded, ties up
  Pipeline p(c);
  ASSERT_TRUE(p.ok);
  ASSERT_EQ(p.pipeline.count(), 8u);
  EXPECT_EQ(feature_fraction_bits(FeatureKind::kNormalized), 8);
  const int16_t window[] = {100, -42, 101, -58, -32768, -59, 32767, 32767};
  std::vector<int32_t> v(8);
  p.pipeline.extract(window, v.data());
  // channel 0: -32868 and 32667 saturate at -128 and 127.996 (Q8 -32768, 32767);
  // channel 1: 8/16 = 0.5 -> 1; -8/16 = -0.5 -> 0; -9/16 -> -1; 32817/16 = 2051.06 -> 2051.
  EXPECT_EQ(v, (std::vector<int32_t>{0, 1, 256, 0, -32768, -1, 32767, 2051}));

  int8_t q[8];
  p.pipeline.extract_quantized(window, QuantParams{0.5f, 3}, q);
  // q = round(v / 256 / 0.5) + 3, clamped: channel 0 0, 2, -128 (clamped), 127 (clamped);
  // channel 1 1/128 -> 0, 0, -1/128 -> 0, 2051/128 = 16.02 -> 16.
  EXPECT_EQ(std::vector<int8_t>(q, q + 8), (std::vector<int8_t>{3, 3, 5, 3, -128, 3, 127, 19}));
}

TEST(FeaturePipeline, NormalizedRejectsBadShiftsAndTooManyChannels) {
  FeatureConfig c;
  c.kind = FeatureKind::kNormalized;
  c.window_frames = 2;
  c.channels = 3;
  c.normalization[2].shift = 15;
  EXPECT_TRUE(Pipeline(c).ok);
  c.normalization[2].shift = 16;
  EXPECT_FALSE(Pipeline(c).ok);
  c.normalization[2].shift = 0;
  c.channels = kMaxNormalizedChannels + 1;
  EXPECT_FALSE(Pipeline(c).ok);
}

}  // namespace
}  // namespace tinyrt
