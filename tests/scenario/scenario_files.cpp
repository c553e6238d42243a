#include "scenario_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/tflite_writer.h"

namespace tinysim::test {

std::vector<uint8_t> sign_classifier(uint32_t inputs) {
  TfliteGraph g;
  auto tensor = [&g](const std::string& name, tinyrt::TensorType type, std::vector<int32_t> shape, float scale) {
    TfliteTensor t;
    t.name = name;
    t.type = type;
    t.shape = std::move(shape);
    t.quantization.scale = {scale};
    t.quantization.zero_point = {0};
    g.tensors.push_back(t);
    return static_cast<int32_t>(g.tensors.size() - 1);
  };
  const int32_t in = tensor("window", tinyrt::TensorType::kInt8, {1, int32_t(inputs)}, 100.0f);
  const int32_t w = tensor("weights", tinyrt::TensorType::kInt8, {2, int32_t(inputs)}, 1.0f);
  std::vector<int8_t> weights(2 * inputs, 1);
  std::fill(weights.begin(), weights.begin() + inputs, int8_t{-1});
  g.tensors[size_t(w)].set_data(weights);
  const int32_t b = tensor("bias", tinyrt::TensorType::kInt32, {2}, 100.0f);
  g.tensors[size_t(b)].set_data(std::vector<int32_t>{0, 0});
  const int32_t out = tensor("scores", tinyrt::TensorType::kInt8, {1, 2}, 100.0f * float(inputs));
  TfliteOperator fc;
  fc.builtin_code = static_cast<int32_t>(tinyrt::BuiltinOp::kFullyConnected);
  fc.inputs = {in, w, b};
  fc.outputs = {out};
  g.operators.push_back(fc);
  g.inputs = {in};
  g.outputs = {out};
  auto bytes = write_tflite(g);
  EXPECT_TRUE(bytes) << bytes.error().describe();
  return bytes ? bytes.value() : std::vector<uint8_t>{};
}

std::string scratch_dir(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / ("scenario_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

void write_text(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

void write_sign_classifier(const std::string& path, uint32_t inputs) {
  const std::vector<uint8_t> bytes = sign_classifier(inputs);
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace tinysim::test
