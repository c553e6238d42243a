#pragma once
// Scenario test inputs made on the spot: a folder with a scenario YAML and a tiny
// int8 sign classifier, so the tests know exactly what the right answer is.
#include <cstdint>
#include <string>
#include <vector>

namespace tinysim::test {

/// One FULLY_CONNECTED op, int8 in and out, per-tensor scales and zero points 0:
/// `weights` (outputs x inputs, scale weight_scale), int32 `bias` (scale input x weight).
struct DenseModel {
  uint32_t inputs = 0;
  uint32_t outputs = 0;
  float input_scale = 1, weight_scale = 1, output_scale = 1;
  std::vector<int8_t> weights;
  std::vector<int32_t> bias;
};
std::vector<uint8_t> dense_model(const DenseModel& m);

/// FULLY_CONNECTED from `inputs` raw int16 samples (input scale 100) to two classes:
/// class 1 when the window's sum is positive, class 0 otherwise.
std::vector<uint8_t> sign_classifier(uint32_t inputs);

/// A fresh folder under the test temp dir.
std::string scratch_dir(const std::string& name);
/// Writes `text` to `path`.
void write_text(const std::string& path, const std::string& text);
/// Writes sign_classifier(inputs) to `path`.
void write_sign_classifier(const std::string& path, uint32_t inputs);
std::string read_text(const std::string& path);
/// A fresh folder `name` holding scenario.yaml (`text`) and sign.tflite
/// (sign_classifier(model_inputs)); returns the scenario's path.
std::string write_scenario(const std::string& name, const std::string& text, uint32_t model_inputs);
/// `text` with the first occurrence of `from` replaced by `to`.
std::string replace_first(std::string text, const std::string& from, const std::string& to);

}  // namespace tinysim::test
