#include "sensors/keywords_generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "sensors/window_label.h"
#include "source_yaml.h"
#include "wav_bytes.h"

namespace tinysim {
namespace {

const SampleRate k16kHz{16000, 1};

KeywordSettings shipped() {
  KeywordSettings s;
  s.clips_dir = default_keyword_clips_dir();
  return s;
}

TEST(KeywordsGenerator, SameSeedSameAudioOtherSeedOtherAudio) {
  const SourceContext c = test_context(k16kHz, 1, 20.0, 5);
  auto a = source_from_yaml("{generator: keywords}", c);
  auto b = source_from_yaml("{generator: keywords}", c);
  auto d = source_from_yaml("{generator: keywords, seed: 6}", c);
  ASSERT_TRUE(a.ok() && b.ok() && d.ok()) << a.error().describe();
  EXPECT_EQ((*a)->frame_count(), std::optional<uint64_t>(320000));
  EXPECT_EQ(frames_of(**a, 0, 320000), frames_of(**b, 0, 320000));
  EXPECT_NE(frames_of(**a, 0, 320000), frames_of(**d, 0, 320000));
}

TEST(KeywordsGenerator, LabelsSpanTheWordsSlot) {
  auto stream = generate_keywords(shipped(), k16kHz, 16000 * 300, 3);
  ASSERT_TRUE(stream.ok()) << stream.error().describe();
  const GeneratedSource& s = *stream->source;
  EXPECT_EQ(s.label_names(), (std::vector<std::string>{"_silence_", "_unknown_", "yes", "no", "up", "down"}));
  // Every word lies inside one 1 s slot, and the whole slot carries its label.
  std::vector<int> slot_label(300, 0);
  for (const SpokenWord& w : stream->words) {
    const uint64_t slot = w.first_frame / 16000;
    ASSERT_EQ((w.first_frame + w.frames - 1) / 16000, slot) << w.clip;
    const auto names = s.label_names();
    const auto at = std::find(names.begin() + 2, names.end(), w.word);
    slot_label[slot] = at == names.end() ? 1 : int(at - names.begin());
    EXPECT_EQ(s.label(slot * 16000), slot_label[slot]);
    EXPECT_EQ(s.label(slot * 16000 + 15999), slot_label[slot]);
    EXPECT_EQ(window_label(s, slot * 16000, 16000), slot_label[slot]);
  }
  // Slots without a word are silence; shares follow the mix 6:2:2 (300 slots).
  std::vector<int> count(6, 0);
  for (uint64_t slot = 0; slot < 300; ++slot) {
    EXPECT_EQ(s.label(slot * 16000 + 8000), slot_label[slot]);
    ++count[size_t(slot_label[slot])];
  }
  EXPECT_NEAR(count[0] / 300.0, 0.2, 0.05);
  EXPECT_NEAR(count[1] / 300.0, 0.2, 0.05);
  EXPECT_NEAR((count[2] + count[3] + count[4] + count[5]) / 300.0, 0.6, 0.05);
  for (int k = 2; k < 6; ++k) EXPECT_GT(count[size_t(k)], 25) << s.label_names()[size_t(k)];
}

/// SNR measured from the stream alone: noise power from the silence slots (the noise
/// level is constant here), speech power = power under the words - noise power.
double measured_snr_db(double snr_db) {
  KeywordSettings settings = shipped();
  settings.snr_db = snr_db;
  settings.noise_spread_db = 0.0;
  auto stream = generate_keywords(settings, k16kHz, 16000 * 200, 21);
  EXPECT_TRUE(stream.ok());
  const GeneratedSource& s = *stream->source;
  double noise = 0.0, noise_n = 0.0, total = 0.0, total_n = 0.0;
  for (uint64_t i = 0; i < 16000 * 200; ++i) {
    if (s.label(i) != 0) continue;
    noise += double(s.samples()[i]) * s.samples()[i];
    ++noise_n;
  }
  for (const SpokenWord& w : stream->words) {
    for (uint64_t i = w.first_frame; i < w.first_frame + w.frames; ++i) {
      total += double(s.samples()[i]) * s.samples()[i];
      ++total_n;
    }
  }
  const double p_noise = noise / noise_n;
  return 10.0 * std::log10((total / total_n - p_noise) / p_noise);
}

TEST(KeywordsGenerator, MeasuredSnrIsTheRequestedSnr) {
  for (double snr : {0.0, 10.0, 20.0}) EXPECT_NEAR(measured_snr_db(snr), snr, 0.1) << snr << " dB";
}

TEST(KeywordsGenerator, NoiseLevelInDbfs) {
  KeywordSettings settings = shipped();
  settings.mix = {0.0, 0.0, 1.0};
  settings.noise_spread_db = 0.0;
  settings.noise_dbfs = -30.0;
  auto stream = generate_keywords(settings, k16kHz, 16000 * 30, 2);
  ASSERT_TRUE(stream.ok());
  double sum = 0.0;
  for (int16_t v : stream->source->samples()) sum += double(v) * v;
  const double dbfs = 10.0 * std::log10(sum / double(stream->source->samples().size()) / (32768.0 * 32768.0));
  EXPECT_NEAR(dbfs, -30.0, 0.2);
}

TEST(KeywordsGenerator, ChosenKeywordsOthersAreUnknown) {
  auto s = source_from_yaml("{generator: keywords, keywords: [up], mix: {silence: 0}}", test_context(k16kHz, 1, 60.0));
  ASSERT_TRUE(s.ok()) << s.error().describe();
  EXPECT_EQ((*s)->label_names(), (std::vector<std::string>{"_silence_", "_unknown_", "up"}));
  int unknown = 0;
  for (uint64_t slot = 0; slot < 60; ++slot) {
    const int label = (*s)->label(slot * 16000);
    EXPECT_NE(label, 0);
    unknown += label == 1;
  }
  EXPECT_NEAR(unknown / 60.0, 0.25, 0.15);
}

TEST(KeywordsGenerator, Errors) {
  const SourceContext c = test_context(k16kHz, 1, 10.0);
  auto word = source_from_yaml("generator: keywords\nkeywords: [yes, maybe]\n", c);
  ASSERT_FALSE(word.ok());
  EXPECT_EQ(word.error().describe(), "scenario.yaml:1:12: source.generator: " + default_keyword_clips_dir() +
                                         ": no clip of the keyword 'maybe' (clips of: bird, cat, down, house, no, "
                                         "seven, tree, up, wow, yes)");
  auto rate = source_from_yaml("generator: keywords\n", test_context(SampleRate{8000, 1}, 1, 10.0));
  ASSERT_FALSE(rate.ok());
  EXPECT_NE(rate.error().message.find("must be mono at the sensor's rate (8000 Hz), this one has 1 channel(s) at 16000 Hz"),
            std::string::npos)
      << rate.error().message;
  auto snr = source_from_yaml("generator: keywords\nsnr_db: 100\n", c);
  ASSERT_FALSE(snr.ok());
  EXPECT_EQ(snr.error().describe(), "scenario.yaml:2:9: source.snr_db: expected a value from -20 to 60 dB, got 100 dB");
  auto kind = source_from_yaml("generator: keywords\nmix: {speech: 1}\n", c);
  ASSERT_FALSE(kind.ok());
  EXPECT_EQ(kind.error().describe(),
            "scenario.yaml:2:7: source.mix.speech: unknown class 'speech'; expected one of: keyword, unknown, silence");
  auto stereo = source_from_yaml("generator: keywords\n", test_context(k16kHz, 2, 10.0));
  ASSERT_FALSE(stereo.ok());
  EXPECT_EQ(stereo.error().describe(),
            "scenario.yaml:1:1: source: this source makes 1 channel (16-bit PCM audio), the sensor has 2");
  auto folder = source_from_yaml("generator: keywords\nclips: no/such/folder\n", c);
  ASSERT_FALSE(folder.ok());
  EXPECT_EQ(folder.error().describe(), "scenario.yaml:2:8: source.clips: " + std::string(TINYSIM_SOURCE_DIR) +
                                           "/no/such/folder: cannot list the keyword clips: No such file or directory");
}

}  // namespace
}  // namespace tinysim
