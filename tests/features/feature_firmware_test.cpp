// Scenario mode with each feature pipeline: the emulated firmware's result for every
// sensor window equals the host build of the same pipeline and runtime.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <random>

#include "device/device_catalog.h"
#include "features/feature_pipeline.h"
#include "interpreter/interpreter.h"
#include "model/tflite_writer.h"
#include "peripherals/config_words.h"
#include "runner/model_session.h"
#include "sensors/synthetic_source.h"

namespace tinysim {
namespace {

using Bytes = std::vector<uint8_t>;

/// A FULLY_CONNECTED classifier [1, inputs] -> [1, classes] with seeded weights.
Bytes classifier(int inputs, int classes, float input_scale, int input_zero_point) {
  std::mt19937 rng(5);
  TfliteGraph g;
  TfliteTensor in{"features", tinyrt::TensorType::kInt8, {1, inputs}, {}, {{input_scale}, {input_zero_point}, 0}};
  std::vector<int8_t> w(static_cast<size_t>(inputs * classes));
  for (int8_t& x : w) x = static_cast<int8_t>(static_cast<int>(rng() % 255) - 127);
  TfliteTensor weights{"weights", tinyrt::TensorType::kInt8, {classes, inputs}, {}, {{0.01f}, {0}, 0}};
  weights.set_data(w);
  TfliteTensor bias{"bias", tinyrt::TensorType::kInt32, {classes}, {}, {{input_scale * 0.01f}, {0}, 0}};
  bias.set_data(std::vector<int32_t>(static_cast<size_t>(classes), 100));
  TfliteTensor out{"scores", tinyrt::TensorType::kInt8, {1, classes}, {}, {{0.5f}, {0}, 0}};
  g.tensors = {in, weights, bias, out};
  TfliteOperator fc;
  fc.builtin_code = static_cast<int32_t>(tinyrt::BuiltinOp::kFullyConnected);
  fc.inputs = {0, 1, 2};
  fc.outputs = {3};
  g.operators = {fc};
  g.inputs = {0};
  g.outputs = {3};
  auto bytes = write_tflite(g);
  EXPECT_TRUE(bytes) << bytes.error().describe();
  return bytes.value();
}

Bytes host_result(const Bytes& model, const tinyrt::FeatureConfig& config, const std::vector<int16_t>& window) {
  std::vector<uint8_t> workspace(tinyrt::feature_workspace_bytes(config) + 8);
  auto* aligned = reinterpret_cast<uint8_t*>((reinterpret_cast<uintptr_t>(workspace.data()) + 7) & ~uintptr_t{7});
  tinyrt::FeaturePipeline pipeline;
  EXPECT_TRUE(pipeline.init(config, aligned, tinyrt::feature_workspace_bytes(config)));
  static Bytes arena(1 << 16);
  tinyrt::Interpreter host;
  EXPECT_TRUE(host.init(model.data(), model.size(), arena.data(), static_cast<uint32_t>(arena.size())));
  pipeline.extract_quantized(window.data(), host.input(0).quant, host.input(0).as<int8_t>());
  host.invoke();
  return Bytes(host.output(0).data, host.output(0).data + host.output(0).bytes);
}

struct Case {
  const char* name;
  tinyrt::FeatureConfig features;
  uint32_t stride;
  SyntheticSettings signal;
};

void run_case(const Case& c, const char* device_name) {
  auto device = find_device(device_name, TINYSIM_SOURCE_DIR "/devices");
  ASSERT_TRUE(device) << device.error().describe();
  const int inputs = static_cast<int>(tinyrt::feature_count(c.features));
  const Bytes model = classifier(inputs, 4, 8.0f, -20);
  auto source = SyntheticSensorSource::create(c.signal);
  ASSERT_TRUE(source) << source.error().describe();
  auto shared = std::make_shared<SyntheticSensorSource>(std::move(source.value()));

  ModelSessionOptions options;
  FeatureConfig words;
  words.kind = static_cast<FeatureKind>(c.features.kind);
  words.window_frames = c.features.window_frames;
  words.stride_frames = c.stride;
  words.fft_size = c.features.fft_size;
  words.hop_frames = c.features.hop_frames;
  words.mel_bands = c.features.mel_bands;
  words.mfcc_coefficients = c.features.mfcc_coeffs;
  std::copy(std::begin(c.features.normalization), std::end(c.features.normalization), words.normalization.begin());
  options.block.config = words.encode();
  options.block.sensor = shared;
  options.block.fifo_depth_frames = 2 * c.features.window_frames;
  auto session = ModelSession::create(device.value(), model, options);
  ASSERT_TRUE(session) << session.error().describe();
  auto run = session.value()->run();
  ASSERT_TRUE(run) << run.error().describe();
  const TinySimRunData data = session.value()->block().run_data();
  ASSERT_EQ(run->reason, StopReason::Exited) << (run->fault ? run->fault->message : "") << run->console;
  ASSERT_TRUE(data.errors.empty()) << data.errors[0].message;
  EXPECT_EQ(data.sensor.frames_dropped, 0u);
  const uint64_t frames = *shared->frame_count();
  const uint64_t windows = (frames - c.features.window_frames) / c.stride + 1;
  ASSERT_EQ(data.results.size(), windows);
  const unsigned channels = shared->channels();
  for (const InferenceResult& r : data.results) {
    ASSERT_TRUE(r.window);
    ASSERT_EQ(r.window->last_frame - r.window->first_frame + 1, c.features.window_frames);
    std::vector<int16_t> window(c.features.window_frames * channels);
    for (uint32_t f = 0; f < c.features.window_frames; ++f)
      shared->read_frame(r.window->first_frame + f, &window[f * channels]);
    EXPECT_EQ(r.output, host_result(model, c.features, window)) << c.name << " window at " << r.window->first_frame;
  }
}

TEST(FeatureFirmware, StatisticsOfThreeAxesOnNrf52840) {
  Case c{"statistics", {}, 25, {}};
  c.features.kind = tinyrt::FeatureKind::kStatistics;
  c.features.window_frames = 50;
  c.features.channels = 3;
  c.signal.rate = SampleRate{50, 1};
  c.signal.channels = 3;
  c.signal.noise_amplitude = 40;
  c.signal.seed = 3;
  c.signal.segments = {{"idle", 100, {{0.5, 50, 0}, {0.5, 50, 0}, {0.5, 50, 1000}}},
                       {"walk", 100, {{2.0, 900, 0}, {2.0, 600, 100}, {2.0, 300, 1000}}}};
  run_case(c, "nrf52840");
}

TEST(FeatureFirmware, LogMelAndMfccOfAudioOnStm32L4) {
  for (const auto kind : {tinyrt::FeatureKind::kLogMel, tinyrt::FeatureKind::kMfcc}) {
    Case c{kind == tinyrt::FeatureKind::kLogMel ? "log-mel" : "mfcc", {}, 512, {}};
    c.features.kind = kind;
    c.features.window_frames = 1024;
    c.features.sample_rate_hz = 16000;
    c.features.fft_size = 256;
    c.features.hop_frames = 128;
    c.features.mel_bands = 32;
    c.features.mfcc_coeffs = 10;
    c.signal.rate = SampleRate{16000, 1};
    c.signal.noise_amplitude = 200;
    c.signal.seed = 9;
    c.signal.segments = {{"hum", 4096, {{440, 6000, 0}}}, {"whistle", 4096, {{2500, 6000, 0}}}};
    run_case(c, "stm32l4r5zi");
  }
}

TEST(FeatureFirmware, NormalizedClimateOnNrf52840AndSamd21) {
  // Temperature (0.01 C), humidity (0.01 %RH) and light (lux), each channel brought to
  // about -128..127 by its own offset and shift, as scenarios/environment.yaml does; the
  // M0+ (no SMLAD, no 64-bit multiply) must give the same bytes as the M4 and the host.
  Case c{"normalized", {}, 5, {}};
  c.features.kind = tinyrt::FeatureKind::kNormalized;
  c.features.window_frames = 20;
  c.features.channels = 3;
  c.features.normalization[0] = {800, 4};
  c.features.normalization[1] = {6400, 5};
  c.features.normalization[2] = {16384, 7};
  c.signal.rate = SampleRate{10, 1};  // faster than a real station: the run budget is simulated seconds
  c.signal.channels = 3;
  c.signal.noise_amplitude = 30;
  c.signal.seed = 4;
  c.signal.segments = {{"night", 60, {{0.1, 300, 400}, {0.1, 500, 9000}, {0.1, 0, 0}}},
                       {"day", 60, {{0.1, 600, 1800}, {0.1, 900, 5000}, {0.1, 15000, 20000}}}};  // light saturates
  for (const char* device : {"nrf52840", "samd21g18"}) run_case(c, device);
}

}  // namespace
}  // namespace tinysim
