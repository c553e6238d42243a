// Reading scenario files: every field, and every mistake reported with
// file:line:column, the field and what was expected; command-line overrides.
#include <gtest/gtest.h>

#include "scenario/scenario_parser.h"
#include "scenario_files.h"
#include "tones_scenario.h"

namespace tinysim::test {
namespace {

/// Writes the scenario (and the model it names) into a fresh folder; returns its path.
std::string scenario_file(const std::string& name, const std::string& text) { return write_scenario(name, text, 7); }

std::string error_of(const std::string& name, const std::string& text, const ScenarioOverrides& overrides = {}) {
  const std::string path = scenario_file(name, text);
  auto s = load_scenario(path, overrides);
  if (s) return "parsed";
  const std::string described = s.error().describe();
  return described.rfind(path, 0) == 0 ? "scenario.yaml" + described.substr(path.size()) : described;
}

TEST(ScenarioParser, ReadsEveryField) {
  const std::string path = scenario_file("fields", kTonesScenario);
  auto s = load_scenario(path);
  ASSERT_TRUE(s) << s.error().describe();
  EXPECT_EQ(s->name, "tones");
  EXPECT_EQ(s->device, "nrf52840");
  EXPECT_FALSE(s->clock_hz);
  EXPECT_EQ(s->model, s->base_dir + "/sign.tflite");
  EXPECT_TRUE(s->firmware.empty());
  EXPECT_EQ(s->rate().hz_num, 50u);
  EXPECT_EQ(s->rate().hz_den, 1u);
  EXPECT_EQ(s->channels(), 1u);
  EXPECT_EQ(s->fifo_depth, 256u);
  EXPECT_EQ(s->features.kind, FeatureKind::kRawWindow);
  EXPECT_EQ(s->features.window_frames, 7u);
  EXPECT_EQ(s->features.stride_frames, 3u);
  EXPECT_EQ(s->classes, (std::vector<std::string>{"low", "high"}));
  EXPECT_EQ(s->events, (std::vector<std::string>{"high"}));
  EXPECT_DOUBLE_EQ(s->duration_seconds, 30.0);
  EXPECT_EQ(s->seed, 5u);
  EXPECT_EQ(s->battery, "cr2032");
  ASSERT_TRUE(s->radio);
  EXPECT_EQ(s->radio->bytes, 20u);
  ASSERT_EQ(s->expectations.size(), 4u);
  EXPECT_EQ(s->expectations[0].key, "accuracy");
  EXPECT_EQ(s->expectations[0].comparison, Comparison::AtLeast);
  EXPECT_DOUBLE_EQ(s->expectations[0].threshold, 0.99);
  EXPECT_EQ(s->expectations[0].line, 24);
  EXPECT_EQ(s->expectations[2].key, "latency_p99");
  EXPECT_EQ(s->expectations[2].comparison, Comparison::AtMost);
  EXPECT_DOUBLE_EQ(s->expectations[2].threshold, 0.005);
  EXPECT_EQ(s->expectations[3].comparison, Comparison::Equal);
}

TEST(ScenarioParser, WindowAndStrideMayBeTimesAndFeaturesAMap) {
  const std::string text = tones_scenario_with("  window: 7\n  stride: 3\n",
                             "  window: 2.56 s\n  stride: 0.5 s\n  features: {kind: mfcc, fft_size: 64, hop: 32,"
                             " mel_bands: 20, mfcc_coefficients: 10}\n");
  auto s = load_scenario(scenario_file("times", text));
  ASSERT_TRUE(s) << s.error().describe();
  EXPECT_EQ(s->features.window_frames, 128u);
  EXPECT_EQ(s->features.stride_frames, 25u);
  EXPECT_EQ(s->features.kind, FeatureKind::kMfcc);
  EXPECT_EQ(s->features.fft_size, 64u);
  EXPECT_EQ(s->features.hop_frames, 32u);
  EXPECT_EQ(s->features.mel_bands, 20u);
  EXPECT_EQ(s->features.mfcc_coefficients, 10u);
}

TEST(ScenarioParser, NormalizedFeaturesTakeAnOffsetAndAShiftPerChannel) {
  auto s = load_scenario(scenario_file(
      "normalized", tones_scenario_with("  stride: 3\n", "  stride: 3\n  features: {kind: normalized, offset: [-800], "
                                                          "shift: [15]}\n")));
  ASSERT_TRUE(s) << s.error().describe();
  EXPECT_EQ(s->features.kind, FeatureKind::kNormalized);
  EXPECT_EQ(s->features.normalization[0].offset, -800);
  EXPECT_EQ(s->features.normalization[0].shift, 15);
  EXPECT_EQ(s->features.normalization[1].shift, 0);

  EXPECT_EQ(error_of("normalized-count", tones_scenario_with("  stride: 3\n", "  stride: 3\n  features: {kind: "
                                                                               "normalized, offset: [1, 2], shift: [3]}\n")),
            "scenario.yaml:17:40: inference.features.offset: expected a list of 1 offsets in counts (one per "
            "channel), got 2");
  EXPECT_EQ(error_of("normalized-shift", tones_scenario_with("  stride: 3\n", "  stride: 3\n  features: {kind: "
                                                                               "normalized, offset: [1], shift: [16]}\n")),
            "scenario.yaml:17:52: inference.features.shift: channel 0: expected a whole number from 0 to 15, got '16'");
  EXPECT_EQ(error_of("normalized-scalar", tones_scenario_with("  stride: 3\n", "  stride: 3\n  features: normalized\n")),
            "scenario.yaml:17:13: inference.features: normalized needs a map {kind: normalized, offset: [...], shift: "
            "[...]}");
}

TEST(ScenarioParser, AListUsedAsAKeyIsNamedNotThrown) {
  // A comma for a colon: `on, [high]` makes the list a key (found by tests/input_fuzz, seed 3).
  EXPECT_EQ(error_of("list_key", tones_scenario_with("radio: {on: [high], bytes: 20}", "radio: {on, [high], bytes: 20}")),
            "scenario.yaml:22:13: radio: expected key names, found a list or map used as a key");
}

TEST(ScenarioParser, UnknownKeyNamesItWhereItIs) {
  EXPECT_EQ(error_of("unknown", tones_scenario_with("seed: 5", "sead: 5")),
            "scenario.yaml:20:1: sead: unknown key 'sead'; expected one of: name, description, device, model, "
            "firmware, stack, sensors, labels, inference, classes, events, anomaly_threshold, idle, duration, seed, battery, radio, "
            "expect");
}

TEST(ScenarioParser, WrongTypeNamesTheFieldAndWhatWasExpected) {
  EXPECT_EQ(error_of("type", tones_scenario_with("channels: 1", "channels: three")),
            "scenario.yaml:7:15: sensors[0].channels: expected a whole number from 1 to 16, got 'three'");
  EXPECT_EQ(error_of("list", tones_scenario_with("classes: [low, high]", "classes: low")),
            "scenario.yaml:17:10: classes: expected a list of class names, like [idle, wrist_raise]");
}

TEST(ScenarioParser, MissingFileIsReportedAtItsKey) {
  const std::string path = scenario_file("missing", tones_scenario_with("sign.tflite", "nothere.tflite"));
  auto s = load_scenario(path);
  ASSERT_FALSE(s);
  const std::string dir = path.substr(0, path.rfind('/'));
  EXPECT_EQ(s.error().describe(), path + ":3:8: model: file not found: " + dir + "/nothere.tflite");
}

TEST(ScenarioParser, AModelOrAFirmwareIsNeeded) {
  EXPECT_EQ(error_of("no_model", tones_scenario_with("model: sign.tflite\n", "")),
            "scenario.yaml:1:1: model: missing: the model (.tflite) for TinySim's firmware, or a firmware: of your own");
  const std::string own = scenario_file("own_firmware", tones_scenario_with("model: sign.tflite", "firmware: my_detector"));
  auto s = load_scenario(own);
  ASSERT_TRUE(s) << s.error().describe();
  EXPECT_TRUE(s->model.empty());
  EXPECT_EQ(s->firmware_program, "my_detector");  // a bare name: a firmware TinySim builds for every core
  EXPECT_FALSE(s->runtime_firmware());
}

TEST(ScenarioParser, BadDurationSaysWhichUnitsWork) {
  EXPECT_EQ(error_of("duration", tones_scenario_with("duration: 30 s", "duration: 30 parsecs")),
            "scenario.yaml:19:11: duration: unit 'parsecs' in '30 parsecs': expected one of ns, us, µs, ms, s, min, "
            "h, days, day, d, years, year");
  EXPECT_EQ(error_of("negative", tones_scenario_with("duration: 30 s", "duration: -3 s")),
            "scenario.yaml:19:11: duration: expected a positive time of at most 30 days");
}

TEST(ScenarioParser, WindowThatIsNoWholeNumberOfFramesIsRefused) {
  EXPECT_EQ(error_of("frames", tones_scenario_with("window: 7", "window: 0.13 s")),
            "scenario.yaml:15:11: inference.window: '0.13 s' is not a whole number of frames at the sensor's rate "
            "(6.500000 frames)");
  EXPECT_EQ(error_of("stride", tones_scenario_with("stride: 3", "stride: 9")),
            "scenario.yaml:16:11: inference.stride: expected at most the window (7 frames), got 9 frames");
}

TEST(ScenarioParser, UnknownExpectationListsTheKnownOnes) {
  const std::string e = error_of("expect", tones_scenario_with("accuracy:", "acuracy:"));
  EXPECT_EQ(e.substr(0, e.find(';')), "scenario.yaml:24:3: expect.acuracy: unknown expectation 'acuracy'");
  EXPECT_NE(e.find("battery_life"), std::string::npos) << e;
}

TEST(ScenarioOverrides, ReplaceValuesBeforeParsing) {
  ScenarioOverrides o;
  o.device = "stm32l476rg";
  o.clock_mhz = "32";
  o.duration = "10 s";
  o.seed = "9";
  o.battery = "cr2450";
  o.sets = {"inference.stride=2", "sensors[0].rate=100 Hz", "events=[low, high]"};
  auto s = load_scenario(scenario_file("overrides", kTonesScenario), o);
  ASSERT_TRUE(s) << s.error().describe();
  EXPECT_EQ(s->device, "stm32l476rg");
  EXPECT_EQ(s->clock_hz, 32000000u);
  EXPECT_DOUBLE_EQ(s->duration_seconds, 10.0);
  EXPECT_EQ(s->seed, 9u);
  EXPECT_EQ(s->battery, "cr2450");
  EXPECT_EQ(s->features.stride_frames, 2u);
  EXPECT_EQ(s->rate().hz_num, 100u);
  EXPECT_EQ(s->events, (std::vector<std::string>{"low", "high"}));
}

TEST(ScenarioOverrides, BadValuesNameTheOptionAndTheField) {
  ScenarioOverrides o;
  o.sets = {"sensors[0].channels=lots"};
  EXPECT_EQ(error_of("bad_set", kTonesScenario, o),
            "scenario.yaml: sensors[0].channels: expected a whole number from 1 to 16, got 'lots' (from --set "
            "sensors[0].channels=lots)");
  o.sets = {"sensors[3].rate=1 Hz"};
  EXPECT_EQ(error_of("bad_index", kTonesScenario, o), "scenario.yaml: --set sensors[3].rate=1 Hz: 'sensors' has no item 3");
  o.sets = {"novalue"};
  EXPECT_EQ(error_of("no_equals", kTonesScenario, o),
            "--set 'novalue': expected key=value, e.g. --set inference.stride=0.25 s");
  ScenarioOverrides d;
  d.duration = "soon";
  EXPECT_EQ(error_of("bad_duration", kTonesScenario, d),
            "scenario.yaml: duration: expected a number with a unit (ns, us, µs, ms, s, min, h, days, day, d, years, "
            "year), got 'soon' (from --duration soon)");
}

}  // namespace
}  // namespace tinysim::test
