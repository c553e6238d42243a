#include "sensors/synthetic_source.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace tinysim {
namespace {

SyntheticSettings tone_settings() {
  SyntheticSettings s;
  s.rate = SampleRate{100, 1};
  s.channels = 2;
  s.segments = {
      {"rest", 10, {{25.0, 1000.0, 0.0}, {0.0, 0.0, -7.0}}},
      {"walk", 5, {{25.0, 1000.0, 5.0}, {0.0, 0.0, 7.0}}},
      {"rest", 3, {{0.0, 0.0, 0.0}, {0.0, 0.0, 0.0}}},
  };
  return s;
}

TEST(SyntheticSensorSource, ToneValuesAreExactAtQuarterPeriods) {
  auto source = SyntheticSensorSource::create(tone_settings());
  ASSERT_TRUE(source.ok()) << source.error().describe();
  int16_t frame[2];
  const int16_t expected_ch0[] = {0, 1000, 0, -1000, 0};
  for (uint64_t i = 0; i < 5; ++i) {
    source->read_frame(i, frame);
    EXPECT_EQ(frame[0], expected_ch0[i]) << "frame " << i;
    EXPECT_EQ(frame[1], -7);
  }
  source->read_frame(11, frame);  // second segment: offset 5, phase 0.75 cycles
  EXPECT_EQ(frame[0], -995);
  EXPECT_EQ(frame[1], 7);
}

TEST(SyntheticSensorSource, LabelsFollowSegments) {
  auto source = SyntheticSensorSource::create(tone_settings());
  ASSERT_TRUE(source.ok());
  EXPECT_EQ(source->frame_count(), std::optional<uint64_t>(18));
  EXPECT_EQ(source->label_names(), (std::vector<std::string>{"rest", "walk"}));
  EXPECT_EQ(source->label(0), 0);
  EXPECT_EQ(source->label(9), 0);
  EXPECT_EQ(source->label(10), 1);
  EXPECT_EQ(source->label(14), 1);
  EXPECT_EQ(source->label(15), 0);
  EXPECT_EQ(source->label(17), 0);
}

TEST(SyntheticSensorSource, NoiseIsSeededBoundedAndOrderFree) {
  SyntheticSettings s;
  s.rate = SampleRate{1000, 1};
  s.channels = 1;
  s.noise_amplitude = 50;
  s.seed = 42;
  s.segments = {{"", 2000, {{0.0, 0.0, 0.0}}}};
  auto a = SyntheticSensorSource::create(s);
  s.seed = 43;
  auto b = SyntheticSensorSource::create(s);
  ASSERT_TRUE(a.ok() && b.ok());
  int16_t v = 0;
  std::vector<int16_t> forward;
  int lowest = 0;
  int highest = 0;
  size_t differ = 0;
  for (uint64_t i = 0; i < 2000; ++i) {
    a->read_frame(i, &v);
    forward.push_back(v);
    lowest = std::min<int>(lowest, v);
    highest = std::max<int>(highest, v);
    int16_t w = 0;
    b->read_frame(i, &w);
    differ += (w != v);
  }
  EXPECT_EQ(lowest, -50);
  EXPECT_EQ(highest, 50);
  EXPECT_GT(differ, 1900u);
  for (uint64_t i = 2000; i-- > 0;) {  // backwards: same values
    a->read_frame(i, &v);
    ASSERT_EQ(v, forward[i]);
  }
  EXPECT_EQ(a->label(0), kNoLabel);
}

TEST(SyntheticSensorSource, ValuesSaturateAtInt16) {
  SyntheticSettings s;
  s.rate = SampleRate{100, 1};
  s.segments = {{"", 4, {{25.0, 40000.0, 0.0}}}};
  auto source = SyntheticSensorSource::create(s);
  ASSERT_TRUE(source.ok());
  int16_t v = 0;
  source->read_frame(1, &v);
  EXPECT_EQ(v, 32767);
  source->read_frame(3, &v);
  EXPECT_EQ(v, -32768);
}

TEST(SyntheticSensorSource, BadSettingsNameTheField) {
  SyntheticSettings s = tone_settings();
  s.segments[1].tones.pop_back();
  auto source = SyntheticSensorSource::create(s);
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().describe(), "synthetic.segments[1].tones: has 1 tones, expected one per channel (2)");

  s = tone_settings();
  s.rate = SampleRate{0, 1};
  EXPECT_EQ(SyntheticSensorSource::create(s).error().field, "synthetic.rate");
  s = tone_settings();
  s.segments[2].frames = 0;
  EXPECT_EQ(SyntheticSensorSource::create(s).error().field, "synthetic.segments[2].frames");
}

}  // namespace
}  // namespace tinysim
