// Scenario mode end to end: TinySim's runtime firmware on an emulated device takes
// sensor windows from the SensorFifo (IRQ wake, DMA, sliding stride), runs the model
// and publishes one result per window; each result must equal the host build of the
// runtime fed the same window, and the run must stop once the stream has ended.
#include <gtest/gtest.h>

#include <algorithm>

#include "device/device_catalog.h"
#include "interpreter/interpreter.h"
#include "kernels/quantization.h"
#include "model_file.h"
#include "runner/model_session.h"
#include "sensors/synthetic_source.h"

namespace tinysim {
namespace {

using Bytes = std::vector<uint8_t>;

/// The host runtime fed `window` the way CONFIG FEATURE_KIND raw defines it.
Bytes host_output(const Bytes& model, const std::vector<int16_t>& window) {
  tinyrt::Interpreter host;
  static Bytes arena(1 << 20);
  EXPECT_TRUE(host.init(model.data(), model.size(), arena.data(), static_cast<uint32_t>(arena.size())));
  tinyrt::Tensor& input = host.input(0);
  EXPECT_EQ(input.bytes, window.size());
  const auto inverse = tinyrt::quantize_multiplier(1.0 / static_cast<double>(input.quant.scale));
  for (size_t i = 0; i < window.size(); ++i) {
    const int32_t q =
        tinyrt::multiply_by_quantized_multiplier(window[i], inverse.multiplier, inverse.shift) + input.quant.zero_point;
    input.as<int8_t>()[i] = static_cast<int8_t>(std::clamp(q, -128, 127));
  }
  host.invoke();
  const tinyrt::Tensor& out = host.output(0);
  return Bytes(out.data, out.data + out.bytes);
}

TEST(ScenarioFirmware, EveryWindowGivesTheHostResultAndTheRunStopsAtTheEnd) {
  const Bytes model = test::shared_model("tflm_hello_world_int8.tflite");  // 1 input value
  ASSERT_FALSE(model.empty());
  auto device = find_device("stm32l476rg", TINYSIM_SOURCE_DIR "/devices");
  ASSERT_TRUE(device) << device.error().describe();

  SyntheticSettings signal;
  signal.rate = SampleRate{50, 1};
  signal.noise_amplitude = 1;
  signal.seed = 7;
  signal.segments = {{"low", 20, {{5.0, 2.0, 2.0}}}, {"high", 20, {{5.0, 2.0, 4.0}}}};
  auto source = SyntheticSensorSource::create(signal);
  ASSERT_TRUE(source) << source.error().describe();
  auto shared_source = std::make_shared<SyntheticSensorSource>(std::move(source.value()));

  ModelSessionOptions options;
  options.block.system.mode = TS_MODE_SCENARIO;
  options.block.config = FeatureConfig{FeatureKind::kRawWindow, 1, 1}.encode();
  options.block.sensor = shared_source;
  options.block.fifo_depth_frames = 8;
  auto session = ModelSession::create(device.value(), model, options);
  ASSERT_TRUE(session) << session.error().describe();
  auto run = session.value()->run();
  ASSERT_TRUE(run) << run.error().describe();
  const RunResult& r = run.value();
  const TinySimRunData data = session.value()->block().run_data();
  std::string misuse;
  for (const auto& m : data.misuse) misuse += m.block + ": " + m.message + "\n";
  ASSERT_NE(r.reason, StopReason::Fault) << r.fault->message << "\nconsole: " << r.console << "\nmisuse: " << misuse;
  EXPECT_TRUE(data.errors.empty()) << data.errors[0].message;
  EXPECT_TRUE(data.misuse.empty()) << misuse;

  EXPECT_TRUE(data.sensor.ended);
  EXPECT_EQ(data.sensor.frames_dropped, 0u);
  ASSERT_EQ(data.results.size(), 40u);
  const uint32_t clock = device.value().clock_hz;
  const uint64_t start = *data.sensor.stream_start_cycle;
  const SampleRate rate{50, 1};
  for (uint64_t i = 0; i < 40; ++i) {
    const InferenceResult& result = data.results[i];
    ASSERT_TRUE(result.window.has_value());
    EXPECT_EQ(result.window->first_frame, i);
    EXPECT_EQ(result.window->last_frame, i);
    // The window is taken after frame i arrived and before frame i + 1 did.
    EXPECT_GE(result.window->cycle, start + rate.arrival_cycle(i, clock));
    EXPECT_LT(result.window->cycle, start + rate.arrival_cycle(i + 1, clock));
    int16_t sample = 0;
    shared_source->read_frame(i, &sample);
    EXPECT_EQ(result.output, host_output(model, {sample})) << "window " << i;
  }
  EXPECT_EQ(data.inferences.size(), 40u);
  EXPECT_EQ(data.features.size(), 40u);
  // The firmware leaves main once STATUS.ENDED is set, one period after the last frame.
  EXPECT_EQ(r.reason, StopReason::Exited);
  EXPECT_GE(r.cycles, start + rate.arrival_cycle(40, clock));
}

}  // namespace
}  // namespace tinysim
