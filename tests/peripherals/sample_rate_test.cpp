#include "sensors/sample_rate.h"

#include <gtest/gtest.h>

namespace tinysim {
namespace {

TEST(SampleRate, ArrivalCyclesAreFloorOfIndexTimesClockOverRate) {
  const SampleRate rate{44100, 1};
  const uint32_t clock = 80000000;
  EXPECT_EQ(rate.arrival_cycle(0, clock), 0u);
  EXPECT_EQ(rate.arrival_cycle(1, clock), 1814u);  // 1814.05...
  EXPECT_EQ(rate.arrival_cycle(3, clock), 5442u);  // 5442.17...
  EXPECT_EQ(rate.arrival_cycle(44100, clock), 80000000u);  // one second later, no drift
  EXPECT_EQ(rate.arrival_cycle(44100ull * 3600 * 24, clock), 80000000ull * 3600 * 24);
}

TEST(SampleRate, FractionalRatesAreExact) {
  const SampleRate rate{1000, 3};  // 333.33 Hz
  EXPECT_EQ(rate.millihertz(), 333333u);
  EXPECT_EQ(rate.arrival_cycle(1, 1000000), 3000u);
  EXPECT_EQ(rate.arrival_cycle(1, 1000001), 3000u);  // 3000.003
  EXPECT_EQ(rate.arrival_cycle(1000, 1000001), 3000003u);
}

TEST(SampleRate, FramesArrivedByAgreesWithArrivalCycles) {
  const SampleRate rate{44100, 1};
  const uint32_t clock = 80000000;
  EXPECT_EQ(rate.frames_arrived_by(0, clock), 1u);
  EXPECT_EQ(rate.frames_arrived_by(1813, clock), 1u);
  EXPECT_EQ(rate.frames_arrived_by(1814, clock), 2u);
  for (uint64_t k = 1; k < 5000; ++k) {
    const uint64_t at = rate.arrival_cycle(k, clock);
    ASSERT_EQ(rate.frames_arrived_by(at, clock), k + 1) << "frame " << k;
    ASSERT_EQ(rate.frames_arrived_by(at - 1, clock), k) << "frame " << k;
  }
}

TEST(SampleRate, InvalidRateNeverArrives) {
  const SampleRate rate{0, 1};
  EXPECT_FALSE(rate.valid());
  EXPECT_EQ(rate.millihertz(), 0u);
  EXPECT_EQ(rate.frames_arrived_by(1000000, 1000000), 0u);
}

}  // namespace
}  // namespace tinysim
