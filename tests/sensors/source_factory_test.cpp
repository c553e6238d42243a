#include "sensors/source_factory.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "source_yaml.h"
#include "support/scratch.h"

namespace tinysim {
namespace {

const char* kTones = R"(
generator: tones
segments:
  - {label: rest, frames: 4, tones: {offset: 7}}
  - {label: move, duration: 0.05 s, tones: [{frequency: 25 Hz, amplitude: 1000}, {offset: -3}]}
)";

TEST(SourceFactory, TonesSegmentsRepeatToTheDuration) {
  auto source = source_from_yaml(kTones, test_context(SampleRate{100, 1}, 2, 0.2));
  ASSERT_TRUE(source.ok()) << source.error().describe();
  const SensorSource& s = **source;
  EXPECT_EQ(s.frame_count(), std::optional<uint64_t>(20));  // 0.2 s at 100 Hz
  EXPECT_EQ(s.label_names(), (std::vector<std::string>{"rest", "move"}));
  // rest 0-3, move 4-8, rest 9-12, move 13-17, rest 18-19.
  const int expected_labels[] = {0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0};
  for (uint64_t i = 0; i < 20; ++i) EXPECT_EQ(s.label(i), expected_labels[i]) << "frame " << i;
  EXPECT_EQ(frames_of(s, 0, 1), (std::vector<int16_t>{7, 7}));
  // Frame 5: t = 0.05 s, a quarter cycle of 25 Hz.
  EXPECT_EQ(frames_of(s, 5, 1), (std::vector<int16_t>{1000, -3}));
}

TEST(SourceFactory, SeedKeyOverridesTheScenarioSeed) {
  const std::string noisy = "{generator: tones, noise: 100, segments: [{frames: 50, tones: {}}]}";
  const std::string seeded = "{generator: tones, noise: 100, seed: 9, segments: [{frames: 50, tones: {}}]}";
  auto a = source_from_yaml(noisy, test_context(SampleRate{100, 1}, 1, 0, 9));
  auto b = source_from_yaml(seeded, test_context(SampleRate{100, 1}, 1, 0, 4));
  auto c = source_from_yaml(noisy, test_context(SampleRate{100, 1}, 1, 0, 4));
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(frames_of(**a, 0, 50), frames_of(**b, 0, 50));
  EXPECT_NE(frames_of(**a, 0, 50), frames_of(**c, 0, 50));
}

class CsvFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::fresh_scratch_dir("factory");
    std::ofstream(dir_ / "rec.csv") << "time,ax,ay,label\n0.00,1,2,rest\n0.02,3,4,walk\n0.04,5,6,walk\n";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  SourceContext context(SampleRate rate, unsigned channels) {
    SourceContext c = test_context(rate, channels, 0);
    c.base_dir = dir_.string();
    return c;
  }
  std::filesystem::path dir_;
};

TEST_F(CsvFile, ReadsRelativeToTheBaseFolderWithScale) {
  auto source = source_from_yaml("{csv: rec.csv, label_column: label, scale: 10}", context(SampleRate{50, 1}, 2));
  ASSERT_TRUE(source.ok()) << source.error().describe();
  EXPECT_EQ(frames_of(**source, 0, 3), (std::vector<int16_t>{10, 20, 30, 40, 50, 60}));
  EXPECT_EQ((*source)->label(0), 0);
  EXPECT_EQ((*source)->label(2), 1);
}

TEST_F(CsvFile, ChoosesColumns) {
  auto source = source_from_yaml("{csv: rec.csv, columns: [ay]}", context(SampleRate{50, 1}, 1));
  ASSERT_TRUE(source.ok()) << source.error().describe();
  EXPECT_EQ(frames_of(**source, 0, 3), (std::vector<int16_t>{2, 4, 6}));
}

TEST_F(CsvFile, RateAndChannelsMustMatchTheSensor) {
  auto rate = source_from_yaml("{csv: rec.csv, label_column: label}", context(SampleRate{100, 1}, 2));
  ASSERT_FALSE(rate.ok());
  EXPECT_EQ(rate.error().describe(), "scenario.yaml:1:7: source.csv: '" + (dir_ / "rec.csv").string() +
                                         "' is recorded at 50 Hz, the sensor runs at 100 Hz");
  auto channels = source_from_yaml("{csv: rec.csv}", context(SampleRate{50, 1}, 2));
  ASSERT_FALSE(channels.ok());  // label is read as a channel and is not a number
  EXPECT_EQ(channels.error().describe(), (dir_ / "rec.csv").string() + ":2:10: label: 'rest' is not a number");
  auto three = source_from_yaml("{csv: rec.csv, label_column: label}", context(SampleRate{50, 1}, 3));
  ASSERT_FALSE(three.ok());
  EXPECT_NE(three.error().message.find("makes 2 channels"), std::string::npos) << three.error().message;
}

TEST_F(CsvFile, MissingFileNamesTheKey) {
  auto source = source_from_yaml("\ncsv: nothere.csv\n", context(SampleRate{50, 1}, 2));
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().describe(), "scenario.yaml:2:6: source.csv: cannot read '" +
                                           (dir_ / "nothere.csv").string() +
                                           "': cannot open the sensor recording");
}

TEST(SourceFactory, UnknownGeneratorListsTheKnownOnes) {
  auto source = source_from_yaml("generator: wrsit\n", test_context(SampleRate{50, 1}, 3, 10));
  ASSERT_FALSE(source.ok());
  std::string known;
  for (const auto& n : generator_names()) known += (known.empty() ? "" : ", ") + n;
  EXPECT_EQ(source.error().describe(), "scenario.yaml:1:12: source.generator: unknown generator 'wrsit'; known: " + known);
  EXPECT_NE(known.find("tones"), std::string::npos);
}

TEST(SourceFactory, UnknownParameterIsNamedWithItsPlace) {
  auto source = source_from_yaml("generator: tones\nnoize: 3\nsegments: [{frames: 1, tones: {}}]\n",
                                 test_context(SampleRate{50, 1}, 1, 0));
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().describe(),
            "scenario.yaml:2:1: source.noize: unknown key 'noize'; expected one of: generator, seed, noise, segments");
}

TEST(SourceFactory, WrongTypesAndRangesSayWhatWasExpected) {
  const SourceContext c = test_context(SampleRate{50, 1}, 1, 0);
  auto noise = source_from_yaml("generator: tones\nnoise: loud\nsegments: [{frames: 1, tones: {}}]\n", c);
  ASSERT_FALSE(noise.ok());
  EXPECT_EQ(noise.error().describe(), "scenario.yaml:2:8: source.noise: expected a number with a unit (%), got 'loud'");
  auto freq = source_from_yaml("generator: tones\nsegments: [{frames: 1, tones: {frequency: 3}}]\n", c);
  ASSERT_FALSE(freq.ok());
  EXPECT_EQ(freq.error().describe(),
            "scenario.yaml:2:43: source.segments[0].tones.frequency: unit '' in '3': expected one of Hz, kHz, MHz");
  auto amp = source_from_yaml("generator: tones\nsegments: [{frames: 1, tones: {amplitude: 40000}}]\n", c);
  ASSERT_FALSE(amp.ok());
  EXPECT_EQ(amp.error().describe(), "scenario.yaml:2:43: source.segments[0].tones.amplitude: expected a value from 0 "
                                    "to 32767 counts, got 40000 counts");
  auto seed = source_from_yaml("generator: tones\nseed: -1\nsegments: [{frames: 1, tones: {}}]\n", c);
  ASSERT_FALSE(seed.ok());
  EXPECT_EQ(seed.error().describe(), "scenario.yaml:2:7: source.seed: expected a non-negative integer, got '-1'");
}

TEST(SourceFactory, GeneratorsNeedADurationThatFitsInMemory) {
  auto none = source_from_yaml("generator: wrist\n", test_context(SampleRate{50, 1}, 3, 0));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().describe(), "scenario.yaml:1:1: source: a generator needs the run's duration (none given)");
  auto huge = source_from_yaml("generator: keywords\n", test_context(SampleRate{16000, 1}, 1, 1e6));
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.error().describe(), "scenario.yaml:1:1: source: a generated stream of 1e+06 s at 16000 Hz would hold "
                                     "1.6e+10 samples, more than the 2^30 a generator precomputes");
}

TEST(SourceFactory, NeedsAKindOfSource) {
  auto source = source_from_yaml("{rate: 3}", test_context(SampleRate{50, 1}, 1, 0));
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().describe(),
            "scenario.yaml:1:1: source: expected a generator:, csv: or wav: key saying where the frames come from");
}

}  // namespace
}  // namespace tinysim
