#pragma once
// Scenario test inputs made on the spot: a folder with a scenario YAML and a tiny
// int8 sign classifier, so the tests know exactly what the right answer is.
#include <cstdint>
#include <string>
#include <vector>

namespace tinysim::test {

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

}  // namespace tinysim::test
