// Every reference model either runs end to end, deterministically, or is refused
// with a message naming the op the runtime lacks.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "interpreter/interpreter.h"
#include "model_file.h"

namespace {

struct RunOutcome {
  bool ok = false;
  std::string error;
  std::vector<int8_t> output;
  uint32_t arena_bytes = 0;
};

RunOutcome run_once(const std::vector<uint8_t>& model, uint32_t seed) {
  static std::vector<uint8_t> arena(512 * 1024);
  tinyrt::Interpreter interpreter;
  RunOutcome r;
  if (!interpreter.init(model.data(), model.size(), arena.data(), static_cast<uint32_t>(arena.size()))) {
    r.error = interpreter.error().message;
    return r;
  }
  std::mt19937 rng(seed);
  for (uint32_t i = 0; i < interpreter.input_count(); ++i) {
    tinyrt::Tensor& in = interpreter.input(i);
    for (uint32_t b = 0; b < in.bytes; ++b) in.data[b] = static_cast<uint8_t>(rng());
  }
  interpreter.invoke();
  const tinyrt::Tensor& out = interpreter.output(0);
  r.output.assign(out.as<int8_t>(), out.as<int8_t>() + out.bytes);
  r.arena_bytes = interpreter.arena_report().total_bytes;
  r.ok = true;
  return r;
}

class RealModel : public ::testing::TestWithParam<const char*> {};

TEST_P(RealModel, RunsDeterministicallyOrNamesTheMissingOp) {
  const auto model = tinysim::test::shared_model(GetParam());
  ASSERT_FALSE(model.empty());
  const RunOutcome first = run_once(model, 7);
  if (!first.ok) {
    EXPECT_NE(first.error.find("no kernel for this op"), std::string::npos) << first.error;
    GTEST_SKIP() << "not yet runnable: " << first.error;
  }
  const RunOutcome again = run_once(model, 7);
  ASSERT_TRUE(again.ok);
  EXPECT_EQ(first.output, again.output);
  EXPECT_GT(first.arena_bytes, 0u);
  // Random inputs may saturate a classifier; some seed must still change the output.
  bool changes = false;
  for (uint32_t seed = 8; seed < 16 && !changes; ++seed) changes = run_once(model, seed).output != first.output;
  EXPECT_TRUE(changes) << "output does not depend on the input";
}

INSTANTIATE_TEST_SUITE_P(SharedModels, RealModel,
                         ::testing::Values("tflm_hello_world_int8.tflite", "tflm_micro_speech_quantized.tflite",
                                           "mlperf_tiny_ad01_int8.tflite", "mlperf_tiny_kws_ref_model.tflite",
                                           "mlperf_tiny_vww_96_int8.tflite",
                                           "mlperf_tiny_pretrainedResnet_quant.tflite"));

}  // namespace
