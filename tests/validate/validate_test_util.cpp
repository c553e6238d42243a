#include "validate_test_util.h"

#include <gtest/gtest.h>


#include <filesystem>
#include <fstream>
#include <iterator>

#include "model/tflite_writer.h"
#include "support/scratch.h"

namespace tinysim::test {

// W = [[1, 2, 3, -4], [-1, 0, 1, 0], [2, -2, 2, -2]], b = [10, -20, 0].
// x = [3, -1, 0, 7]:      x+1 = [4, 0, 1, 8]        W(x+1)+b = [-15, -23, -6]  +5: [-10, -18, -1]
// x = [-128, 127, 10, -5]: [-127, 128, 11, -4]       [188, 118, -480]           [127, 123, -128] (clamped)
// x = [-1, -1, -1, -1]:   [0, 0, 0, 0]               [10, -20, 0]               [15, -15, 5]
// x = [-1, -1, -1, 30]:   [0, 0, 0, 31]              [-114, -20, -62]           [-109, -15, -57]
const std::vector<std::vector<int8_t>> kInputs = {{3, -1, 0, 7}, {-128, 127, 10, -5}, {-1, -1, -1, -1}, {-1, -1, -1, 30}};
const std::vector<std::vector<int8_t>> kScores = {{-10, -18, -1}, {127, 123, -128}, {15, -15, 5}, {-109, -15, -57}};

std::vector<uint8_t> hand_checked_classifier() {
  TfliteGraph g;
  TfliteTensor in{"x", tinyrt::TensorType::kInt8, {1, 4}, {}, {{0.5f}, {-1}, 0}};
  TfliteTensor weights{"weights", tinyrt::TensorType::kInt8, {3, 4}, {}, {{0.25f}, {0}, 0}};
  weights.set_data(std::vector<int8_t>{1, 2, 3, -4, -1, 0, 1, 0, 2, -2, 2, -2});
  TfliteTensor bias{"bias", tinyrt::TensorType::kInt32, {3}, {}, {{0.125f}, {0}, 0}};
  bias.set_data(std::vector<int32_t>{10, -20, 0});
  TfliteTensor out{"scores", tinyrt::TensorType::kInt8, {1, 3}, {}, {{0.125f}, {5}, 0}};
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

ModelSummary hand_checked_summary() {
  auto s = summarize_model(hand_checked_classifier(), "classifier.tflite");
  EXPECT_TRUE(s) << s.error().describe();
  return s.value();
}

std::string scratch_dir(const std::string& name) { return test::fresh_scratch_dir("validate_" + name); }

void write_bytes(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

std::vector<uint8_t> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(in)), {});
}

std::vector<uint8_t> as_bytes(const std::vector<int8_t>& values) {
  return std::vector<uint8_t>(values.begin(), values.end());
}

}  // namespace tinysim::test
