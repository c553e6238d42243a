// The committed model zoo: every committed int8 model gives the same outputs on emulated
// chips (M0+, M4) as the host runtime the trainer measures accuracy with, for windows of
// its spec's data (regeneration: zoo_regeneration_test.cpp).
#include <gtest/gtest.h>

#include "device/device_catalog.h"
#include "hal/tinysim_regs.h"
#include "model/model_summary.h"
#include "runner/model_session.h"
#include "train/int8_runner.h"
#include "train/train_run.h"

namespace tinysim {
namespace {

const std::string kZoo = std::string(TINYSIM_SOURCE_DIR) + "/scenarios/models/";

std::vector<uint8_t> committed(const std::string& name) {
  auto bytes = read_file_bytes(kZoo + name + ".tflite");
  EXPECT_TRUE(bytes.ok()) << bytes.error().describe();
  return bytes.ok() ? bytes.value() : std::vector<uint8_t>{};
}

/// The model's int8 inputs for the last `count` windows of its spec's stream.
std::vector<std::vector<uint8_t>> spec_windows(const std::string& name, const tinyrt::QuantParams& input, size_t count) {
  auto spec = load_train_spec(kZoo + name + ".yaml");
  EXPECT_TRUE(spec.ok()) << spec.error().describe();
  auto source = make_sensor_source(spec->source, spec->context);
  EXPECT_TRUE(source.ok()) << source.error().describe();
  const SampleRate rate = source.value()->rate();
  const auto frames = uint64_t(spec->context.duration_seconds * double(rate.hz_num) / double(rate.hz_den));
  auto windows = extract_windows(*source.value(), spec->windowing, frames);
  EXPECT_TRUE(windows.ok());
  std::vector<size_t> last;
  for (size_t i = windows->values.size() - count; i < windows->values.size(); ++i) last.push_back(i);
  std::vector<std::vector<uint8_t>> out;
  for (const auto& q : quantized_windows(*source.value(), windows.value(), last, input))
    out.emplace_back(q.begin(), q.end());
  return out;
}

void expect_device_matches_host(const std::string& model_name, const std::string& device_name) {
  const std::vector<uint8_t> model = committed(model_name);
  auto host = Int8Runner::create(model);
  ASSERT_TRUE(host.ok()) << host.error().describe();
  const auto inputs = spec_windows(model_name, host.value()->input_quant(), 4);
  auto device = find_device(device_name, TINYSIM_SOURCE_DIR "/devices");
  ASSERT_TRUE(device.ok()) << device.error().describe();
  ModelSessionOptions options;
  options.block.system.mode = TS_MODE_TENSOR;
  options.block.inputs = inputs;
  auto session = ModelSession::create(device.value(), model, options);
  ASSERT_TRUE(session.ok()) << session.error().describe();
  auto run = session.value()->run();
  ASSERT_TRUE(run.ok()) << run.error().describe();
  ASSERT_FALSE(run->fault.has_value());
  const auto& results = session.value()->block().mailbox().results();
  ASSERT_EQ(results.size(), inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    const std::vector<int8_t> expected = host.value()->run(reinterpret_cast<const int8_t*>(inputs[i].data()));
    const std::vector<uint8_t> expected_bytes(expected.begin(), expected.end());
    EXPECT_EQ(results[i].output, expected_bytes) << model_name << " on " << device_name << ", window " << i;
  }
}

/// Every committed model, with the M0+ chip it fits on (the samd21g18 has 32 KiB of RAM).
struct ZooModel {
  const char* name;
  const char* m0plus;
};
constexpr ZooModel kZooModels[] = {
    {"wrist_gestures", "samd21g18"},
    {"environment_events", "samd21g18"},
    {"vibration_autoencoder", "samd21g18"},
    {"keywords", "samd21g18"},
};

TEST(ModelZoo, EveryModelOnEmulatedM0PlusAndM4MatchesTheHostRuntime) {
  for (const ZooModel& m : kZooModels) {
    expect_device_matches_host(m.name, m.m0plus);
    expect_device_matches_host(m.name, "nrf52840");
  }
}

}  // namespace
}  // namespace tinysim
