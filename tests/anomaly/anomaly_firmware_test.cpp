// The anomaly decision runs in the firmware: on the emulated chip, the score it publishes
// equals the value worked out by hand for a known input, the decision flips exactly at the
// threshold, and on the shipped vibration scenario the chip's scores, classes and outputs
// equal the host build's (features, interpreter and reconstruction error).
#include <gtest/gtest.h>

#include "anomaly/reconstruction_error.h"
#include "device/device_catalog.h"
#include "features/feature_pipeline.h"
#include "interpreter/interpreter.h"
#include "runner/model_session.h"
#include "scenario_files.h"
#include "scenario/anomaly.h"
#include "scenario/scenario_parser.h"
#include "scenario/scenario_run.h"
#include "sensors/generated_source.h"

namespace tinysim {
namespace {

/// An "autoencoder" whose reconstruction is known: y = round((x + b) / 2) in steps of 2.0,
/// x in steps of 1.0 (FULLY_CONNECTED, identity weights, bias b = (0, 2, -4, 6)).
std::vector<uint8_t> offset_autoencoder() {
  test::DenseModel m;
  m.inputs = m.outputs = 4;
  m.output_scale = 2.0f;
  m.weights = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
  m.bias = {0, 2, -4, 6};
  return test::dense_model(m);
}

/// Two raw 4-frame windows of one channel through an emulated chip with `threshold`
/// (Q16.16; 0: no anomaly decision).
std::vector<InferenceResult> run_known_windows(uint32_t threshold, const char* device_name = "nrf52840") {
  auto device = find_device(device_name, TINYSIM_SOURCE_DIR "/devices");
  EXPECT_TRUE(device) << device.error().describe();
  auto source = std::make_shared<GeneratedSource>(SampleRate{1, 1}, 1, std::vector<std::string>{"normal"});
  source->samples() = {2, -4, 6, 10, 1, 3, -5, 7};
  source->set_label_from(0, 0);
  FeatureConfig features;
  features.window_frames = 4;
  features.stride_frames = 4;
  ModelSessionOptions options;
  options.block.config = features.encode();
  options.block.config[TS_CONFIG_ANOMALY_THRESHOLD / 4] = threshold;
  options.block.sensor = source;
  auto session = ModelSession::create(device.value(), offset_autoencoder(), options);
  EXPECT_TRUE(session) << session.error().describe();
  auto run = session.value()->run();
  EXPECT_TRUE(run) << run.error().describe();
  const TinySimRunData data = session.value()->block().run_data();
  EXPECT_TRUE(data.errors.empty()) << data.errors.front().message;
  EXPECT_EQ(data.results.size(), 2u);
  return data.results;
}

TEST(AnomalyFirmware, ScoreIsTheHandComputedMeanSquaredError) {
  // Window 1: x = (2, -4, 6, 10), x + b = (2, -2, 2, 16) halves exactly: y = x + b, the
  // differences are b: (0 + 4 + 16 + 36) / 4 = 14.
  // Window 2: x = (1, 3, -5, 7), (x + b) / 2 = (0.5, 2.5, -4.5, 6.5) rounds up (TFLite's
  // rounding doubling high multiply): y = 2 * (1, 3, -4, 7) = (2, 6, -8, 14), differences
  // (1, 3, -3, 7): (1 + 9 + 9 + 49) / 4 = 17.
  for (const char* device : {"nrf52840", "samd21g18"}) {  // Cortex-M4 and M0+
    const auto results = run_known_windows(15 * tinyrt::kScoreOne, device);
    ASSERT_EQ(results.size(), 2u) << device;
    EXPECT_EQ(results[0].score, 14u * tinyrt::kScoreOne) << device;
    EXPECT_EQ(results[1].score, 17u * tinyrt::kScoreOne) << device;
    EXPECT_EQ(results[0].predicted_class, 0) << device;
    EXPECT_EQ(results[1].predicted_class, 1) << device;
    EXPECT_EQ(results[1].output, (std::vector<uint8_t>{1, 3, 0xFC, 7})) << device;
  }
}

TEST(AnomalyFirmware, DecisionFlipsExactlyAtTheThreshold) {
  const auto at = run_known_windows(14 * tinyrt::kScoreOne);  // 14 is not above 14
  ASSERT_EQ(at.size(), 2u);
  EXPECT_EQ(at[0].predicted_class, 0);
  const auto below = run_known_windows(14 * tinyrt::kScoreOne - 1);  // 1/65536 lower
  ASSERT_EQ(below.size(), 2u);
  EXPECT_EQ(below[0].predicted_class, 1);
  const auto above_both = run_known_windows(17 * tinyrt::kScoreOne);
  ASSERT_EQ(above_both.size(), 2u);
  EXPECT_EQ(above_both[0].predicted_class, 0);
  EXPECT_EQ(above_both[1].predicted_class, 0);
}

TEST(AnomalyFirmware, WithoutAThresholdResultsCarryNoScore) {
  const auto results = run_known_windows(0);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_FALSE(results[0].score.has_value());
  EXPECT_EQ(results[0].predicted_class, 3);  // the argmax of y = (1, -1, 1, 8)
}

TEST(AnomalyFirmware, VibrationScenarioChipEqualsHostBuild) {
  auto loaded = load_scenario(TINYSIM_SOURCE_DIR "/scenarios/vibration_anomaly.yaml");
  ASSERT_TRUE(loaded) << loaded.error().describe();
  Scenario s = loaded.value();
  s.duration_seconds = 60;
  ScenarioRunOptions options;
  options.devices_dir = TINYSIM_SOURCE_DIR "/devices";
  auto outcome = run_scenario(s, options);
  ASSERT_TRUE(outcome) << outcome.error().describe();
  const ScenarioOutcome& o = outcome.value();

  auto model = read_file_bytes(s.model);
  ASSERT_TRUE(model);
  std::vector<uint8_t> arena(1 << 16);
  tinyrt::Interpreter host;
  ASSERT_TRUE(host.init(model->data(), static_cast<uint32_t>(model->size()), arena.data(),
                        static_cast<uint32_t>(arena.size())));
  tinyrt::Tensor& input = host.input(0);
  const tinyrt::Tensor& output = host.output(0);
  tinyrt::ReconstructionError error;
  ASSERT_TRUE(error.prepare(input.quant, output.quant, input.bytes));
  const tinyrt::FeatureConfig config = runtime_features(s);
  std::vector<uint8_t> workspace(tinyrt::feature_workspace_bytes(config) + 8);
  auto* aligned = reinterpret_cast<uint8_t*>((reinterpret_cast<uintptr_t>(workspace.data()) + 7) & ~uintptr_t{7});
  tinyrt::FeaturePipeline pipeline;
  ASSERT_TRUE(pipeline.init(config, aligned, tinyrt::feature_workspace_bytes(config)));

  auto source = scenario_source(s);
  ASSERT_TRUE(source) << source.error().describe();
  ASSERT_EQ(o.data.results.size(), 60u * 3200u / 1024u);
  std::vector<int16_t> window(s.features.window_frames);
  std::vector<int8_t> features(input.bytes);
  int faults = 0;
  for (const InferenceResult& r : o.data.results) {
    ASSERT_TRUE(r.window);
    for (uint32_t f = 0; f < s.features.window_frames; ++f) source.value()->read_frame(r.window->first_frame + f, &window[f]);
    pipeline.extract_quantized(window.data(), input.quant, input.as<int8_t>());
    std::copy(input.as<int8_t>(), input.as<int8_t>() + input.bytes, features.begin());
    host.invoke();
    const uint32_t score = error.score(features.data(), output.as<int8_t>());
    EXPECT_EQ(r.output, std::vector<uint8_t>(output.data, output.data + output.bytes)) << r.window->first_frame;
    EXPECT_EQ(r.score, score) << r.window->first_frame;
    EXPECT_EQ(r.predicted_class, score > anomaly_threshold_q16(s.anomaly_threshold) ? 1 : 0);
    faults += r.predicted_class;
  }
  EXPECT_GT(faults, 0);  // both decisions occur in the first minute
  EXPECT_LT(faults, int(o.data.results.size()));
}

}  // namespace
}  // namespace tinysim
