// The keyword decision: scores averaged over the last windows, a threshold, suppression
// after a detection, the best non-keyword class otherwise. A hand-made score sequence
// gives exactly the decisions worked out below, in the host build and on emulated
// Cortex-M4 and M0+ chips (where the model's outputs are those very scores).
#include <gtest/gtest.h>

#include "app/decision.h"
#include "device/device_catalog.h"
#include "features/feature_pipeline.h"
#include "runner/model_session.h"
#include "scenario/scenario_parser.h"
#include "scenario/scenario_run.h"
#include "report/scenario_reports.h"
#include "scenario_files.h"
#include "tones_scenario.h"
#include "sensors/generated_source.h"

namespace tinysim {
namespace {

const std::vector<std::string> kClasses{"silence", "yes", "no"};
const std::vector<std::string> kKeywords{"yes", "no"};

/// Scores in hundredths (the model's output scale is 0.01) of silence, yes, no.
const std::vector<std::vector<int8_t>> kScores{
    {10, 80, 10},  // sums 10 80 10: yes leads but 80 < 121: silence
    {10, 41, 49},  // sums 20 121 59: yes passes (raw argmax: no)
    {0, 90, 10},   // suppressed (1 of 2): silence
    {0, 90, 10},   // suppressed (2 of 2): silence
    {0, 70, 30},   // sums 0 160 40: yes again
    {50, 0, 50},   // suppressed: silence (raw argmax: silence, first of a tie)
    {20, 0, 80},   // suppressed, though no's sum is 130: silence
    {20, 0, 80},   // sums 40 0 160: no
    {100, 0, 0},   // sums 120 0 80: silence leads, not a keyword
};
const std::vector<int32_t> kDecided{0, 1, 0, 0, 1, 0, 0, 2, 0};
const std::vector<int32_t> kRawArgmax{1, 2, 1, 1, 1, 0, 2, 2, 0};

/// Average 2 windows, threshold 0.6 (Q16.16 39322, 0.6000061: a sum of 2 x 0.6 / 0.01 =
/// 120 hundredths falls short, 121 passes), suppress 6 s = 2 windows of 3 s.
DecisionWords sequence_words() {
  Decision d;
  d.windows = 2;
  d.threshold = 0.6;
  d.suppress_frames = 6;
  return decision_words(d, 3, kClasses, kKeywords);
}

tinyrt::app::DecisionSettings settings_of(const DecisionWords& w) { return {w[0], w[1], w[2], w[3]}; }

TEST(KeywordDecision, ScenarioSettingsBecomeTheseConfigWords) {
  EXPECT_EQ(sequence_words(), (DecisionWords{2, 39322, 2, 0b110}));
}

TEST(KeywordDecision, HandMadeSequenceOnTheHost) {
  tinyrt::app::KeywordDecision decision;
  ASSERT_TRUE(decision.prepare(settings_of(sequence_words()), {0.01f, 0}, 3));
  for (size_t w = 0; w < kScores.size(); ++w) EXPECT_EQ(decision.decide(kScores[w].data()), kDecided[w]) << w;
}

TEST(KeywordDecision, ThresholdIsExactInScoreSteps) {
  tinyrt::app::KeywordDecision decision;
  const DecisionWords words = sequence_words();
  ASSERT_TRUE(decision.prepare(settings_of(words), {0.01f, 0}, 3));
  const int8_t first[] = {10, 80, 10}, short_by_one[] = {10, 40, 50};
  EXPECT_EQ(decision.decide(first), 0);
  EXPECT_EQ(decision.decide(short_by_one), 0);  // yes sums 120 < 121
  ASSERT_TRUE(decision.prepare(settings_of(words), {0.01f, 0}, 3));  // prepare starts afresh
  const int8_t passes[] = {10, 41, 49};
  EXPECT_EQ(decision.decide(first), 0);
  EXPECT_EQ(decision.decide(passes), 1);
}

TEST(KeywordDecision, RejectsSettingsItCannotDecide) {
  tinyrt::app::KeywordDecision decision;
  EXPECT_FALSE(decision.prepare({17, 39322, 0, 0b10}, {0.01f, 0}, 3));  // more than 16 windows
  EXPECT_FALSE(decision.prepare({2, 39322, 0, 0b111}, {0.01f, 0}, 3));  // no background class
  EXPECT_FALSE(decision.prepare({2, 39322, 0, 0b1000}, {0.01f, 0}, 3)); // no keyword among the classes
  EXPECT_FALSE(decision.prepare({2, 39322, 0, 0b10}, {0.0f, 0}, 3));
}

/// The sequence as 3-frame raw windows through a model that outputs its input: the chip's
/// published classes, with the decision configured by `words` (all 0: none).
std::vector<InferenceResult> run_on_chip(const char* device_name, const DecisionWords& words) {
  auto device = find_device(device_name, TINYSIM_SOURCE_DIR "/devices");
  EXPECT_TRUE(device) << device.error().describe();
  auto source = std::make_shared<GeneratedSource>(SampleRate{1, 1}, 1, std::vector<std::string>{"silence"});
  for (const auto& window : kScores)
    for (int8_t v : window) source->samples().push_back(v);
  source->set_label_from(0, 0);
  test::DenseModel m;
  m.inputs = m.outputs = 3;
  m.weight_scale = m.output_scale = 0.01f;
  m.weights = {1, 0, 0, 0, 1, 0, 0, 0, 1};
  m.bias = {0, 0, 0};
  FeatureConfig features;
  features.window_frames = 3;
  features.stride_frames = 3;
  ModelSessionOptions options;
  options.block.config = features.encode();
  std::copy(words.begin(), words.end(), options.block.config.begin() + TS_CONFIG_DECISION_WINDOWS / 4);
  options.block.sensor = source;
  auto session = ModelSession::create(device.value(), test::dense_model(m), options);
  EXPECT_TRUE(session) << session.error().describe();
  auto run = session.value()->run();
  EXPECT_TRUE(run) << run.error().describe();
  const TinySimRunData data = session.value()->block().run_data();
  EXPECT_TRUE(data.errors.empty()) << data.errors.front().message;
  EXPECT_EQ(data.results.size(), kScores.size());
  return data.results;
}

TEST(KeywordDecision, ChipDecidesTheSequenceAsTheHost) {
  for (const char* device : {"nrf52840", "samd21g18"}) {  // Cortex-M4 (FPU) and M0+ (soft float)
    const auto results = run_on_chip(device, sequence_words());
    ASSERT_EQ(results.size(), kScores.size()) << device;
    for (size_t w = 0; w < kScores.size(); ++w) {
      EXPECT_EQ(results[w].predicted_class, kDecided[w]) << device << " window " << w;
      // The output bytes stay the raw scores: the raw argmax is still in the report.
      const std::vector<uint8_t> raw(kScores[w].begin(), kScores[w].end());
      EXPECT_EQ(results[w].output, raw) << device << " window " << w;
      EXPECT_EQ(results[w].raw_class, kRawArgmax[w]) << device << " window " << w;
    }
  }
}

TEST(KeywordDecision, WithoutADecisionTheChipPublishesTheRawArgmax) {
  const auto results = run_on_chip("nrf52840", DecisionWords{});
  ASSERT_EQ(results.size(), kScores.size());
  for (size_t w = 0; w < kScores.size(); ++w) {
    EXPECT_EQ(results[w].predicted_class, kRawArgmax[w]) << w;
    EXPECT_FALSE(results[w].raw_class.has_value()) << w;
  }
}

/// A 10 Hz tones scenario with 1 s windows for the sign classifier and `decision`.
std::string decision_scenario(const std::string& decision, const std::string& events = "") {
  return test::write_scenario(
      "decision_errors",
      "name: d\ndevice: nrf52840\nmodel: sign.tflite\nsensors:\n  - {name: a, kind: accelerometer, rate: 10 Hz, "
      "channels: 1, source: {generator: tones}}\ninference:\n  window: 1 s\n  decision: " +
          decision + "\nduration: 1 s\n" + events,
      10);
}

TEST(KeywordDecision, ScenarioErrorsNameTheField) {
  const auto error_of = [](const std::string& decision) {
    const std::string path = decision_scenario(decision);
    auto loaded = load_scenario(path);
    return loaded ? std::string("loaded") : loaded.error().describe().substr(path.size());
  };
  EXPECT_EQ(error_of("{average: 17 windows, threshold: 0.6}"),
            ":8:23: inference.decision.average: expected 1 to 16 windows, got '17 windows'");
  EXPECT_EQ(error_of("{average: 3, threshold: 0}"),
            ":8:37: inference.decision.threshold: expected an average class score above 0 (a probability: 0 to 1 "
            "for softmax outputs)");
  EXPECT_EQ(error_of("{average: 3, threshold: 0.5, supress: 1 s}"),
            ":8:42: inference.decision.supress: unknown key 'supress'; expected one of: average, threshold, suppress");
  EXPECT_EQ(error_of("{average: 3, threshold: 0.5, suppress: 0.05 s}"),
            ":8:52: inference.decision.suppress: '0.05 s' is not a whole number of frames at the sensor's rate "
            "(0.500000 frames)");
  EXPECT_EQ(error_of("{average: 3, threshold: 0.5, suppress: 2 s}"), "loaded");
}

Result<ScenarioOutcome> run_tones(const std::string& name, const std::string& text) {
  auto loaded = load_scenario(test::write_scenario(name, text, 7));
  if (!loaded) return loaded.error();
  ScenarioRunOptions options;
  options.devices_dir = TINYSIM_SOURCE_DIR "/devices";
  return run_scenario(loaded.value(), options);
}

const std::string kDecidedTones = "  stride: 3\n  decision: {average: 2, threshold: 0.5}\n";

TEST(KeywordDecision, ADecisionNeedsEventsToCall) {
  const std::string text = test::replace_first(test::tones_scenario_with("  stride: 3\n", kDecidedTones),
                                               "events: [high]\n", "");
  auto run = run_tones("decision_no_events", text);
  ASSERT_FALSE(run);
  EXPECT_NE(run.error().describe().find(":15:3: inference: a decision needs events: the keyword classes it calls"),
            std::string::npos)
      << run.error().describe();
}

TEST(KeywordDecision, ReportListsTheDecisionAndEachRawClass) {
  auto run = run_tones("decision_report", test::tones_scenario_with("  stride: 3\n", kDecidedTones));
  ASSERT_TRUE(run) << run.error().describe();
  const std::string json = scenario_json(run.value());
  EXPECT_NE(json.find("\"decision\": {\n        \"windows\": 2,\n        \"threshold\": 0.5,\n        "
                      "\"suppress_frames\": 0\n      },"),
            std::string::npos)
      << json.substr(0, 2000);
  EXPECT_NE(json.find("\"raw_class\": "), std::string::npos);
  auto plain = run_tones("decision_report_off", test::kTonesScenario);
  ASSERT_TRUE(plain) << plain.error().describe();
  const std::string off = scenario_json(plain.value());
  EXPECT_EQ(off.find("raw_class"), std::string::npos);
  EXPECT_EQ(off.find("\"decision\""), std::string::npos);
}

}  // namespace
}  // namespace tinysim
