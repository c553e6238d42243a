// A firmware of the user's own in a scenario, without a model: the example energy
// detector (runtime/examples/energy_detector) runs on the emulated chip, its mailbox
// results are exactly the documented rule computed on the host from the same frames and
// are scored like a model's; model figures are absent, not zero; a firmware for the
// wrong core, one that never sleeps and one that faults are refused with clear messages.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cstring>

#include "report/scenario_reports.h"
#include "runner/firmware_locator.h"
#include "scenario/scenario_parser.h"
#include "scenario/scenario_run.h"
#include "scenario_files.h"
#include "sensors/window_label.h"

namespace tinysim::test {
namespace {

const std::string kShipped = TINYSIM_SOURCE_DIR "/scenarios/vibration_energy.yaml";

Result<ScenarioOutcome> run_shipped(ScenarioOverrides overrides) {
  auto scenario = load_scenario(kShipped, overrides);
  if (!scenario) return scenario.error();
  ScenarioRunOptions options;
  options.devices_dir = TINYSIM_SOURCE_DIR "/devices";
  return run_scenario(scenario.value(), options);
}

/// The detector's documented rule on the host: channel 0's mean squared first
/// difference over the window (integer division), fault above 10000.
uint32_t difference_energy(const SensorSource& source, uint64_t first, uint32_t frames) {
  uint64_t sum = 0;
  int16_t previous = 0, value = 0;
  for (uint32_t i = 0; i < frames; ++i) {
    source.read_frame(first + i, &value);
    if (i > 0) sum += uint64_t(int64_t(value - previous) * (value - previous));
    previous = value;
  }
  return uint32_t(sum / (frames - 1));
}

TEST(UserFirmware, EnergyDetectorResultsAreTheRuleExactlyAndScoredLikeAModel) {
  ScenarioOverrides overrides;
  overrides.duration = "60 s";
  auto run = run_shipped(overrides);
  ASSERT_TRUE(run) << run.error().describe();
  const ScenarioOutcome& o = run.value();
  auto source = scenario_source(o.scenario);
  ASSERT_TRUE(source) << source.error().describe();
  // 60 s at 3200 Hz = 192000 frames: 187 windows of 1024.
  ASSERT_EQ(o.data.results.size(), 187u);
  uint64_t correct = 0, faults = 0;
  for (size_t i = 0; i < o.data.results.size(); ++i) {
    const InferenceResult& r = o.data.results[i];
    ASSERT_TRUE(r.window);
    ASSERT_EQ(r.window->first_frame, i * 1024u);
    const uint32_t expected = difference_energy(*source.value(), r.window->first_frame, 1024);
    ASSERT_EQ(r.output.size(), 4u);
    uint32_t published = 0;
    std::memcpy(&published, r.output.data(), 4);
    ASSERT_EQ(published, expected) << "window " << i;
    ASSERT_EQ(r.predicted_class, expected > 10000 ? 1 : 0) << "window " << i;
    faults += r.predicted_class == 1;
    correct += r.predicted_class == window_label(*source.value(), r.window->first_frame, 1024);
  }
  EXPECT_GT(faults, 0u);
  EXPECT_LT(faults, o.data.results.size());
  EXPECT_EQ(o.scores.correct, correct);
  EXPECT_EQ(o.scores.labelled, 187u);
  // Measured like TinySim's firmware: flash, stack, latency, energy per inference (the
  // firmware marks its detection with INFER_BEGIN/END).
  EXPECT_EQ(o.measured.values.at("flash"), double(o.run.memory.flash_used));
  EXPECT_GT(o.run.stack_high_water, 0u);
  EXPECT_EQ(o.latency.inference_runs, 187u);
  EXPECT_EQ(o.latency.feature_runs, 0u);
  EXPECT_GT(o.measured.values.at("energy_per_inference"), 0.0);
  // Model figures are absent, with the reason.
  EXPECT_FALSE(o.fit);
  EXPECT_FALSE(o.data.arena);
  EXPECT_EQ(o.measured.values.count("peak_arena"), 0u);
  EXPECT_EQ(o.measured.why_not.at("peak_arena"), "no model: the firmware has no tensor arena");
  const YAML::Node json = YAML::Load(scenario_json(o));
  EXPECT_TRUE(json["scenario"]["model"].IsNull());
  EXPECT_EQ(json["scenario"]["firmware"].as<std::string>(), "energy_detector");
  EXPECT_TRUE(json["memory"]["arena"].IsNull());
  EXPECT_TRUE(json["timing"]["per_op"].IsNull());
  EXPECT_TRUE(json["timing"]["mean_feature_cycles"].IsNull());
  EXPECT_FALSE(json["timing"]["mean_inference_cycles"].IsNull());
}

TEST(UserFirmware, AnElfPathRunsLikeTheBuiltName) {
  const std::string elf = firmware_dir() + "/cortex-m4/energy_detector-00000000-20000000.elf";
  ScenarioOverrides by_name, by_path;
  by_name.duration = by_path.duration = "5 s";
  by_path.sets = {"firmware=" + elf};
  auto a = run_shipped(by_name);
  auto b = run_shipped(by_path);
  ASSERT_TRUE(a && b) << (a ? b.error().describe() : a.error().describe());
  EXPECT_EQ(b->scenario.firmware, elf);
  ASSERT_EQ(a->data.results.size(), b->data.results.size());
  for (size_t i = 0; i < a->data.results.size(); ++i) EXPECT_EQ(a->data.results[i].output, b->data.results[i].output);
}

/// The error of running the shipped scenario with `sets`, the scenario's path cut.
std::string error_of(std::vector<std::string> sets, const std::string& duration = "5 s") {
  ScenarioOverrides overrides;
  overrides.duration = duration;
  overrides.sets = std::move(sets);
  auto run = run_shipped(overrides);
  if (run) return "no error";
  std::string e = run.error().describe();
  if (e.rfind(kShipped, 0) == 0) e = "vibration_energy.yaml" + e.substr(kShipped.size());
  return e;
}

TEST(UserFirmware, AnElfForAnotherCoreIsRefusedNamingBoth) {
  const std::string elf = firmware_dir() + "/cortex-m4/energy_detector-00000000-20000000.elf";
  EXPECT_EQ(error_of({"device=samd21g18", "firmware=" + elf, "radio=null", "sensors[0].fifo_depth=1024"}),
            "vibration_energy.yaml: firmware: " + elf + " does not run on samd21g18 (cortex-m0plus): it is built for "
            "Armv7E-M; a cortex-m0plus runs Armv6-M code: rebuild with -mcpu=cortex-m0plus (from --set "
            "firmware=" + elf + ")");
}

TEST(UserFirmware, AFirmwareThatNeverSleepsIsStoppedWithTheReason) {
  // At 1 MHz the run's budget (1.5 x 0.1 s + 10 s) is 10.15 M cycles.
  const std::string e = error_of({"firmware=scenario_never_sleeps", "device={name: nrf52840, clock: 1 MHz}"}, "0.1 s");
  EXPECT_EQ(e.substr(0, e.find(" it was stopped in ")),
            "vibration_energy.yaml: firmware: the firmware never slept: it ran 10.150 s of simulated time without a "
            "WFI or WFE and without returning from main (the stream lasts 0.100 s). A scenario firmware sleeps until "
            "the sensor's next window and returns once SENSOR.STATUS.ENDED is set (docs/firmware-interface.md, "
            "section 5);")
      << e;
  EXPECT_NE(e.find("it was stopped in main"), std::string::npos) << e;
}

TEST(UserFirmware, AFaultSaysWhenAndWhere) {
  const std::string e = error_of({"firmware=scenario_faults"});
  // Its window of 8 frames at 3200 Hz is ready 7 periods (2.2 ms) into the stream.
  EXPECT_EQ(e.substr(0, e.find(':', e.find("faulted after")) + 1),
            "vibration_energy.yaml: firmware: the firmware faulted after 0.002 s of simulated time:")
      << e;
  EXPECT_NE(e.find("0x60000000"), std::string::npos) << e;
  EXPECT_NE(e.find("read_nowhere"), std::string::npos) << e;
}

TEST(UserFirmware, AnUnknownBuiltFirmwareIsRefusedSayingWhereItWasLookedFor) {
  const std::string e = error_of({"firmware=no_such_detector"});
  EXPECT_EQ(e.substr(0, e.find(" (device nrf52840)")),
            "vibration_energy.yaml: firmware: no no_such_detector firmware for cortex-m4 with memory layout "
            "00000000-20000000")
      << e;
}

}  // namespace
}  // namespace tinysim::test
