#include "scenario_files.h"

#include <gtest/gtest.h>


#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/tflite_writer.h"
#include "support/scratch.h"

namespace tinysim::test {

std::vector<uint8_t> dense_model(const DenseModel& m) {
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
  const int32_t in = tensor("input", tinyrt::TensorType::kInt8, {1, int32_t(m.inputs)}, m.input_scale);
  const int32_t w = tensor("weights", tinyrt::TensorType::kInt8, {int32_t(m.outputs), int32_t(m.inputs)}, m.weight_scale);
  g.tensors[size_t(w)].set_data(m.weights);
  const int32_t b = tensor("bias", tinyrt::TensorType::kInt32, {int32_t(m.outputs)}, m.input_scale * m.weight_scale);
  g.tensors[size_t(b)].set_data(m.bias);
  const int32_t out = tensor("output", tinyrt::TensorType::kInt8, {1, int32_t(m.outputs)}, m.output_scale);
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

std::vector<uint8_t> sign_classifier(uint32_t inputs) {
  DenseModel m;
  m.inputs = inputs;
  m.outputs = 2;
  m.input_scale = 100.0f;
  m.output_scale = 100.0f * float(inputs);
  m.weights.assign(2 * inputs, 1);
  std::fill(m.weights.begin(), m.weights.begin() + inputs, int8_t{-1});
  m.bias = {0, 0};
  return dense_model(m);
}

std::string scratch_dir(const std::string& name) { return test::fresh_scratch_dir("scenario_" + name); }

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

std::string write_scenario(const std::string& name, const std::string& text, uint32_t model_inputs) {
  const std::string dir = scratch_dir(name);
  write_sign_classifier(dir + "/sign.tflite", model_inputs);
  write_text(dir + "/scenario.yaml", text);
  return dir + "/scenario.yaml";
}

std::string replace_first(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

}  // namespace tinysim::test
