#include "sensors/wav_source.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "sensors/wav_file.h"
#include "source_yaml.h"
#include "wav_bytes.h"
#include "support/scratch.h"

namespace tinysim {
namespace {

TEST(WavFile, RoundTripMonoAndStereo) {
  WavFields f;
  f.samples = {0, 1, -1, 32767, -32768, 1234};
  auto mono = parse_wav(wav_bytes(f), "a.wav");
  ASSERT_TRUE(mono.ok()) << mono.error().describe();
  EXPECT_EQ(mono->sample_rate, 16000u);
  EXPECT_EQ(mono->channels, 1u);
  EXPECT_EQ(mono->samples, f.samples);
  f.channels = 2;
  f.rate = 44100;
  auto stereo = parse_wav(wav_bytes(f), "a.wav");
  ASSERT_TRUE(stereo.ok()) << stereo.error().describe();
  EXPECT_EQ(stereo->channels, 2u);
  EXPECT_EQ(stereo->frames(), 3u);
  EXPECT_EQ(stereo->samples, f.samples);
}

TEST(WavFile, ExtensibleFormatWithPcmSubFormat) {
  WavFields f;
  f.extensible = true;
  f.channels = 4;
  f.samples = {1, 2, 3, 4, -1, -2, -3, -4};
  auto audio = parse_wav(wav_bytes(f), "quad.wav");
  ASSERT_TRUE(audio.ok()) << audio.error().describe();
  EXPECT_EQ(audio->channels, 4u);
  EXPECT_EQ(audio->samples, f.samples);
  f.format = 3;  // float sub-format
  f.bits = 32;
  EXPECT_EQ(parse_wav(wav_bytes(f), "quad.wav").error().describe(),
            "quad.wav: byte 20: IEEE float samples are not supported: expected 16-bit integer PCM");
}

TEST(WavFile, SkipsOtherChunksWithPadding) {
  WavFields f;
  f.samples = {5, -5};
  std::string b = wav_bytes(f);
  std::string list = "LIST";
  put32(list, 3);
  list += "abc";
  list += '\0';  // pad byte
  b.insert(12, list);
  auto audio = parse_wav(b, "a.wav");
  ASSERT_TRUE(audio.ok()) << audio.error().describe();
  EXPECT_EQ(audio->samples, f.samples);
}

TEST(WavFile, ReadsTheShippedClips) {
  auto audio = read_wav(std::string(TINYSIM_SOURCE_DIR) + "/scenarios/data/keywords/training/yes_00.wav");
  ASSERT_TRUE(audio.ok()) << audio.error().describe();
  EXPECT_EQ(audio->sample_rate, 16000u);
  EXPECT_EQ(audio->channels, 1u);
  EXPECT_GT(audio->frames(), 4000u);
}

TEST(WavFile, ErrorsNameTheFileAndByte) {
  WavFields f;
  f.samples = {1, 2, 3, 4};
  const std::string good = wav_bytes(f);
  auto error = [](const std::string& bytes) { return parse_wav(bytes, "clip.wav").error().describe(); };
  EXPECT_EQ(error("RIFX" + good.substr(4)), "clip.wav: byte 0: not a WAV file: expected a RIFF/WAVE header");
  EXPECT_EQ(error("hello"), "clip.wav: byte 0: not a WAV file: expected a RIFF/WAVE header");
  EXPECT_EQ(error(good.substr(0, good.size() - 3)),
            "clip.wav: byte 36: truncated: the 'data' chunk declares 8 bytes, 5 follow");
  EXPECT_EQ(error(good.substr(0, 30)), "clip.wav: byte 12: truncated: the 'fmt ' chunk declares 16 bytes, 10 follow");
  EXPECT_EQ(error(good.substr(0, 36)), "clip.wav: byte 36: no data chunk");
  WavFields eight = f;
  eight.bits = 8;
  EXPECT_EQ(error(wav_bytes(eight)), "clip.wav: byte 34: 8-bit samples are not supported: expected 16-bit integer PCM");
  WavFields real = f;
  real.format = 3;
  real.bits = 32;
  EXPECT_EQ(error(wav_bytes(real)), "clip.wav: byte 20: IEEE float samples are not supported: expected 16-bit integer PCM");
  WavFields odd = f;
  odd.channels = 2;
  odd.samples = {1, 2, 3};
  EXPECT_EQ(error(wav_bytes(odd)),
            "clip.wav: byte 36: truncated: the data chunk has 6 bytes, not a whole number of 4-byte frames");
  EXPECT_EQ(read_wav("/nonexistent/x.wav").error().describe(), "/nonexistent/x.wav: cannot open the WAV file");
}

class WavSourceFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::fresh_scratch_dir("wav");
    WavFields f;
    f.rate = 10;
    for (int16_t i = 0; i < 30; ++i) f.samples.push_back(i);
    std::ofstream(dir_ / "rec.wav", std::ios::binary) << wav_bytes(f);
    f.channels = 2;
    std::ofstream(dir_ / "stereo.wav", std::ios::binary) << wav_bytes(f);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  Result<std::shared_ptr<const SensorSource>> make(const std::string& yaml, const std::string& labels = "",
                                                   unsigned channels = 1, uint64_t hz = 10) {
    if (!labels.empty()) std::ofstream(dir_ / "labels.csv") << labels;
    SourceContext c = test_context(SampleRate{hz, 1}, channels, 0);
    c.base_dir = dir_.string();
    return source_from_yaml(yaml, c);
  }
  std::filesystem::path dir_;
};

TEST_F(WavSourceFiles, FramesAndLabelRows) {
  auto s = make("{wav: rec.wav, labels: labels.csv}", "start,end,label\n# speech\n0.5, 1.2, yes\n1.2,1.5,no\n2.0,9,yes\n");
  ASSERT_TRUE(s.ok()) << s.error().describe();
  EXPECT_EQ((*s)->frame_count(), std::optional<uint64_t>(30));
  EXPECT_EQ(frames_of(**s, 7, 2), (std::vector<int16_t>{7, 8}));
  EXPECT_EQ((*s)->label_names(), (std::vector<std::string>{"yes", "no"}));
  // t = i / 10 s: frames 5..11 yes, 12..14 no, 15..19 none, 20.. yes.
  const int expected[] = {-1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, -1, -1, -1, -1, -1, 0};
  for (uint64_t i = 0; i < 21; ++i) EXPECT_EQ((*s)->label(i), expected[i]) << "frame " << i;
  EXPECT_EQ((*s)->label(29), 0);
}

TEST_F(WavSourceFiles, Errors) {
  auto channels = make("{wav: stereo.wav}");
  ASSERT_FALSE(channels.ok());
  EXPECT_EQ(channels.error().describe(), "scenario.yaml:1:1: source: this source makes 2 channels (the channels of " +
                                             (dir_ / "stereo.wav").string() + "), the sensor has 1");
  auto rate = make("{wav: rec.wav}", "", 1, 16000);
  ASSERT_FALSE(rate.ok());
  EXPECT_EQ(rate.error().describe(), "scenario.yaml:1:7: source.wav: '" + (dir_ / "rec.wav").string() +
                                         "' is recorded at 10 Hz, the sensor runs at 16000 Hz");
  auto overlap = make("{wav: rec.wav, labels: labels.csv}", "0,1,a\n0.5,2,b\n");
  ASSERT_FALSE(overlap.ok());
  EXPECT_EQ(overlap.error().describe(), (dir_ / "labels.csv").string() +
                                            ":2:1: start: rows must be in time order without overlap (the previous "
                                            "row ends at 1.000000 s)");
  auto text = make("{wav: rec.wav, labels: labels.csv}", "0, soon ,a\n");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().describe(), (dir_ / "labels.csv").string() + ":1:4: end: 'soon' is not a time in seconds");
  auto cells = make("{wav: rec.wav, labels: labels.csv}", "0,1\n");
  ASSERT_FALSE(cells.ok());
  EXPECT_EQ(cells.error().describe(),
            (dir_ / "labels.csv").string() + ":1:1: expected 3 cells (start,end,label in seconds), found 2");
  auto missing = make("\nwav: none.wav\n");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().describe(), (dir_ / "none.wav").string() + ": cannot open the WAV file");
}

}  // namespace
}  // namespace tinysim
