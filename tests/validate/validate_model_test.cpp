// A model built by the project's .tflite writer, with outputs computed by hand, run
// through model run's machinery on the emulated M0+, M4 and M33 and on the host build:
// bit-exact everywhere; a wrong expectation is measured with the right figures.
#include <gtest/gtest.h>

#include "device/device_catalog.h"
#include "energy/device_power.h"
#include "runner/model_run.h"
#include "runner/output_comparison.h"
#include "validate_test_util.h"

namespace tinysim {
namespace {

std::vector<TensorSet> hand_inputs() {
  std::vector<TensorSet> sets;
  for (const auto& in : test::kInputs) sets.push_back({test::as_bytes(in)});
  return sets;
}

std::vector<std::vector<uint8_t>> hand_scores() {
  std::vector<std::vector<uint8_t>> scores;
  for (const auto& s : test::kScores) scores.push_back(test::as_bytes(s));
  return scores;
}

std::vector<std::vector<uint8_t>> first_output(const InferenceRun& r) {
  std::vector<std::vector<uint8_t>> out;
  for (const TensorSet& set : r.outputs) out.push_back(set.at(0));
  return out;
}

void expect_bit_exact(const InferenceRun& r) {
  const OutputComparison c = compare_outputs(test::hand_checked_summary().outputs[0], first_output(r), hand_scores());
  EXPECT_EQ(c.values, 12u);
  EXPECT_EQ(c.exact, 12u) << c.first_mismatch;
  EXPECT_EQ(c.max_abs_error, 0.0);
  EXPECT_TRUE(c.classifier);
  EXPECT_EQ(c.top1_agree, 4u);
  EXPECT_TRUE(c.within(0));
}

TEST(ModelValidate, HandComputedScoresOnTheHostBuild) {
  auto r = run_model(test::hand_checked_classifier(), test::hand_checked_summary(), hand_inputs(), nullptr);
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(r->target, "host");
  EXPECT_TRUE(r->figures.empty()) << "the host build has no cycle model";
  expect_bit_exact(r.value());
}

class OnEmulatedCore : public ::testing::TestWithParam<const char*> {};

TEST_P(OnEmulatedCore, HandComputedScoresBitExactWithCyclesAndEnergy) {
  auto device = find_device(GetParam(), TINYSIM_SOURCE_DIR "/devices");
  ASSERT_TRUE(device) << device.error().describe();
  auto r = run_model(test::hand_checked_classifier(), test::hand_checked_summary(), hand_inputs(), &device.value());
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(r->target, GetParam());
  expect_bit_exact(r.value());
  ASSERT_EQ(r->figures.size(), 4u);
  auto power = device_power(device.value());
  ASSERT_TRUE(power) << power.error().describe();
  for (const InferenceFigures& f : r->figures) {
    EXPECT_GT(f.cycles, 0u);
    EXPECT_DOUBLE_EQ(f.latency_s, double(f.cycles) / device->clock_hz);
    // Supply voltage x run current x inference time, from the device file.
    EXPECT_NEAR(f.energy_j, power->supply_voltage.value * power->current(PowerState::Run, device->clock_hz) *
                                double(f.cycles) / device->clock_hz,
                1e-15);
    EXPECT_GT(f.energy_j, 0.0);
  }
}

// Cortex-M0+, M4 and M33.
INSTANTIATE_TEST_SUITE_P(Cores, OnEmulatedCore, ::testing::Values("samd21g18", "nrf52840", "stm32u585ai"));

TEST(ModelValidate, AWrongExpectationIsMeasured) {
  auto r = run_model(test::hand_checked_classifier(), test::hand_checked_summary(), hand_inputs(), nullptr);
  ASSERT_TRUE(r) << r.error().describe();
  auto wrong = hand_scores();
  wrong[0][2] = static_cast<uint8_t>(int8_t{2});   // -1 expected as 2: 3 LSB off
  wrong[2][2] = static_cast<uint8_t>(int8_t{20});  // 5 expected as 20: 15 LSB off, top-1 becomes class 2
  const OutputComparison c = compare_outputs(test::hand_checked_summary().outputs[0], first_output(r.value()), wrong);
  EXPECT_EQ(c.values, 12u);
  EXPECT_EQ(c.exact, 10u);
  EXPECT_DOUBLE_EQ(c.exact_rate(), 10.0 / 12.0);
  EXPECT_EQ(c.max_abs_error, 15.0);
  EXPECT_DOUBLE_EQ(c.mean_abs_error(), 18.0 / 12.0);
  EXPECT_EQ(c.top1_agree, 3u);
  EXPECT_EQ(c.first_mismatch, "inference 0, element 2: -1, expected 2");
  EXPECT_FALSE(c.within(14));
  EXPECT_TRUE(c.within(15));
}

}  // namespace
}  // namespace tinysim
