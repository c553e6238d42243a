// The scoring rules on hand-made results: per-window accuracy and confusion with
// window_label(), and the event matching rule (docs/scenarios.md): detections, repeats,
// false activations and detection latency, to the cycle.
#include <gtest/gtest.h>

#include "scenario/scoring.h"
#include "sensors/synthetic_source.h"

namespace tinysim::test {
namespace {

/// 10 Hz: idle 20 frames, tap 10, idle 20, tap 10, idle 20.
SyntheticSensorSource taps() {
  SyntheticSettings s;
  s.rate = SampleRate{10, 1};
  s.segments = {{"idle", 20, {{}}}, {"tap", 10, {{}}}, {"idle", 20, {{}}}, {"tap", 10, {{}}}, {"idle", 20, {{}}}};
  auto source = SyntheticSensorSource::create(s);
  EXPECT_TRUE(source) << source.error().describe();
  return source.value();
}

/// A result for frames [first, first + 3], published 50 cycles after the last arrived
/// (clock 1000 Hz: frame i arrives at cycle 100 i).
InferenceResult result(uint64_t first, int32_t predicted) {
  InferenceResult r;
  r.predicted_class = predicted;
  r.window = SensorWindow{0, first, first + 3, 4};
  r.cycle = (first + 3) * 100 + 50;
  return r;
}

TEST(Scoring, WindowsAndEventsFollowTheDocumentedRules) {
  const SyntheticSensorSource source = taps();
  ScoringInput in;
  in.source = &source;
  in.classes = {"idle", "tap"};
  in.event_classes = {"tap"};
  in.clock_hz = 1000;
  in.stream_frames = 80;
  const std::vector<InferenceResult> results{
      result(16, 1),  // before the first tap: a false activation
      result(18, 1),  // the same activation goes on (label: a 2-2 tie goes to tap, the later one)
      result(20, 0),  // ends it
      result(22, 1),  // a new activation overlapping the first tap: detects it
      result(24, 0),
      result(26, 1),  // overlaps the already detected tap: a repeat, not false
      result(40, 0),
      result(60, 1),  // after the second tap (frames 50-59): false; that tap is missed
  };
  const Scores s = score_results(results, in);
  EXPECT_EQ(s.windows, 8u);
  EXPECT_EQ(s.labelled, 8u);
  EXPECT_EQ(s.correct, 4u);
  EXPECT_EQ(s.confusion, (std::vector<std::vector<uint64_t>>{{1, 2, 0}, {2, 3, 0}}));
  EXPECT_DOUBLE_EQ(*s.per_class[1].precision(), 0.6);
  EXPECT_DOUBLE_EQ(*s.per_class[1].recall(), 0.6);
  EXPECT_DOUBLE_EQ(*s.per_class[0].recall(), 1.0 / 3.0);

  ASSERT_EQ(s.events.size(), 2u);
  EXPECT_EQ(s.events[0].first_frame, 20u);
  EXPECT_EQ(s.events[0].last_frame, 29u);
  ASSERT_TRUE(s.events[0].latency_seconds);
  EXPECT_DOUBLE_EQ(*s.events[0].latency_seconds, (2550.0 - 2000.0) / 1000.0);
  EXPECT_FALSE(s.events[1].latency_seconds);
  EXPECT_EQ(s.detected_events(), 1u);
  EXPECT_DOUBLE_EQ(*s.event_recall(), 0.5);
  ASSERT_EQ(s.activations.size(), 4u);
  EXPECT_TRUE(s.activations[0].false_activation);
  EXPECT_FALSE(s.activations[1].false_activation);
  EXPECT_FALSE(s.activations[2].false_activation);
  EXPECT_TRUE(s.activations[3].false_activation);
  EXPECT_EQ(s.false_activations, 2u);
  EXPECT_DOUBLE_EQ(*s.false_activations_per_hour(), 2.0 / (8.0 / 3600.0));
  EXPECT_DOUBLE_EQ(*s.detection_latency_p50(), 0.55);
}

TEST(Scoring, AClassOutsideTheListIsOtherAndUnlabelledWindowsAreNotScored) {
  SyntheticSettings settings;
  settings.rate = SampleRate{10, 1};
  settings.segments = {{"", 8, {{}}}, {"idle", 8, {{}}}};
  auto source = SyntheticSensorSource::create(settings);
  ASSERT_TRUE(source);
  ScoringInput in;
  in.source = &source.value();
  in.classes = {"idle", "tap"};
  in.clock_hz = 1000;
  in.stream_frames = 16;
  const Scores s = score_results({result(0, 0), result(8, 7), result(12, 0)}, in);
  EXPECT_EQ(s.windows, 3u);
  EXPECT_EQ(s.labelled, 2u);
  EXPECT_EQ(s.confusion[0], (std::vector<uint64_t>{1, 0, 1}));
  EXPECT_DOUBLE_EQ(*s.accuracy(), 0.5);
  EXPECT_FALSE(s.false_activations_per_hour());  // no event classes
  EXPECT_FALSE(s.event_recall());
}

TEST(Scoring, PercentileIsNearestRank) {
  EXPECT_FALSE(percentile({}, 0.5));
  EXPECT_DOUBLE_EQ(*percentile({4, 1, 3, 2}, 0.5), 2.0);
  EXPECT_DOUBLE_EQ(*percentile({4, 1, 3, 2}, 0.99), 4.0);
  EXPECT_DOUBLE_EQ(*percentile({4, 1, 3, 2}, 0.0), 1.0);
}

}  // namespace
}  // namespace tinysim::test
