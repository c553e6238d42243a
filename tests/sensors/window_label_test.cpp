#include "sensors/window_label.h"

#include <gtest/gtest.h>

#include "sensors/generated_source.h"

namespace tinysim {
namespace {

/// 20 frames: 0-3 unlabelled, 4-9 a, 10-13 b, 14-15 unlabelled, 16-19 a.
GeneratedSource labelled() {
  GeneratedSource s(SampleRate{10, 1}, 1, {"a", "b"});
  s.samples().assign(20, 0);
  s.set_label_from(4, 0);
  s.set_label_from(10, 1);
  s.set_label_from(14, kNoLabel);
  s.set_label_from(16, 0);
  return s;
}

TEST(WindowLabel, MajorityOfLabelledFrames) {
  const GeneratedSource s = labelled();
  EXPECT_EQ(window_label(s, 0, 20), 0);   // a: 10 frames, b: 4
  EXPECT_EQ(window_label(s, 8, 6), 1);    // a: 2, b: 4
  EXPECT_EQ(window_label(s, 11, 5), 1);   // b: 3, the rest unlabelled
}

TEST(WindowLabel, UnlabelledFramesDoNotCount) {
  const GeneratedSource s = labelled();
  EXPECT_EQ(window_label(s, 0, 5), 0);           // 4 unlabelled, 1 a
  EXPECT_EQ(window_label(s, 0, 4), kNoLabel);    // nothing labelled
  EXPECT_EQ(window_label(s, 14, 2), kNoLabel);
}

TEST(WindowLabel, TieGoesToTheLabelSeenLast) {
  const GeneratedSource s = labelled();
  EXPECT_EQ(window_label(s, 8, 4), 1);     // a: 8,9  b: 10,11 -> b ends later
  EXPECT_EQ(window_label(s, 12, 6), 0);    // b: 12,13  a: 16,17 -> a ends later
  EXPECT_EQ(window_label(s, 10, 10), 0);   // b: 4, a: 4, a's last frame (19) is later
}

TEST(WindowLabel, FramesPastTheEndAreUnlabelled) {
  const GeneratedSource s = labelled();
  EXPECT_EQ(window_label(s, 18, 100), 0);
  EXPECT_EQ(window_label(s, 25, 5), kNoLabel);
}

}  // namespace
}  // namespace tinysim
