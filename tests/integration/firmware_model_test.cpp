// The runtime firmware, emulated on real devices of each core, gives output tensors
// bit-identical to the host build of the same runtime for the reference models.
#include <gtest/gtest.h>

#include <cctype>

#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "device/device_catalog.h"
#include "hal/tinysim_regs.h"
#include "interpreter/interpreter.h"
#include "model_file.h"
#include "runner/model_session.h"

namespace {

using Bytes = std::vector<uint8_t>;

std::vector<Bytes> seeded_inputs(const Bytes& model, int count, uint32_t seed, uint32_t* input_bytes) {
  tinyrt::Interpreter host;
  static Bytes arena(1 << 20);
  EXPECT_TRUE(host.init(model.data(), model.size(), arena.data(), static_cast<uint32_t>(arena.size())))
      << host.error().message;
  *input_bytes = host.input(0).bytes;
  std::mt19937 rng(seed);
  std::vector<Bytes> inputs(count, Bytes(*input_bytes));
  for (Bytes& in : inputs)
    for (uint8_t& b : in) b = static_cast<uint8_t>(rng());
  return inputs;
}

Bytes host_output(const Bytes& model, const Bytes& input) {
  tinyrt::Interpreter host;
  static Bytes arena(1 << 20);
  EXPECT_TRUE(host.init(model.data(), model.size(), arena.data(), static_cast<uint32_t>(arena.size())));
  std::copy(input.begin(), input.end(), host.input(0).data);
  host.invoke();
  const tinyrt::Tensor& out = host.output(0);
  return Bytes(out.data, out.data + out.bytes);
}

class FirmwareModel : public ::testing::TestWithParam<std::tuple<const char*, const char*>> {};

TEST_P(FirmwareModel, EmulatedOutputIsBitIdenticalToHost) {
  const auto [model_name, device_name] = GetParam();
  const Bytes model = tinysim::test::shared_model(model_name);
  ASSERT_FALSE(model.empty());
  auto device = tinysim::find_device(device_name, TINYSIM_SOURCE_DIR "/devices");
  ASSERT_TRUE(device) << device.error().describe();

  uint32_t input_bytes = 0;
  const std::vector<Bytes> inputs = seeded_inputs(model, 2, 2026, &input_bytes);
  tinysim::ModelSessionOptions options;
  options.block.system.mode = TS_MODE_TENSOR;
  options.block.inputs = inputs;
  auto session = tinysim::ModelSession::create(device.value(), model, options);
  ASSERT_TRUE(session) << session.error().describe();
  auto run = session.value()->run();
  ASSERT_TRUE(run) << run.error().describe();
  const tinysim::RunResult& r = run.value();
  ASSERT_EQ(r.reason, tinysim::StopReason::Exited)
      << (r.fault ? r.fault->message : std::string("stopped")) << "\nconsole: " << r.console;
  EXPECT_EQ(r.exit_code, 0) << r.console;

  const auto& results = session.value()->block().mailbox().results();
  ASSERT_EQ(results.size(), inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i)
    EXPECT_EQ(results[i].output, host_output(model, inputs[i])) << "inference " << i;
  const auto& timings = session.value()->block().profile().inferences();
  ASSERT_EQ(timings.size(), inputs.size());
  tinyrt::Model parsed;
  ASSERT_TRUE(tinyrt::Model::open(model.data(), model.size(), &parsed, nullptr));
  EXPECT_EQ(timings[0].ops.size(), parsed.operator_count()) << "one profile span per op";
}

/// "mlperf_tiny_kws_ref_model_on_rp2040": stable names for ctest -R.
std::string model_on_device(const ::testing::TestParamInfo<FirmwareModel::ParamType>& test) {
  std::string name = std::string(std::get<0>(test.param)) + "_on_" + std::get<1>(test.param);
  name = name.substr(0, name.find(".tflite")) + name.substr(name.find("_on_"));
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(
    ReferenceModels, FirmwareModel,
    ::testing::Combine(::testing::Values("tflm_hello_world_int8.tflite", "mlperf_tiny_ad01_int8.tflite",
                                         "tflm_micro_speech_quantized.tflite", "mlperf_tiny_kws_ref_model.tflite"),
                       ::testing::Values("rp2040", "stm32l4r5zi", "stm32f746ng", "stm32u585ai")),
    model_on_device);

// Visual wake words needs 104 KiB of RAM: on the STM32F746 its arena runs from DTCM
// (64 KiB) on into SRAM1, the adjacent banks the firmware gets as one RAM.
INSTANTIATE_TEST_SUITE_P(AcrossSramBanks, FirmwareModel,
                         ::testing::Values(std::make_tuple("mlperf_tiny_vww_96_int8.tflite", "stm32f746ng")),
                         model_on_device);

}  // namespace
