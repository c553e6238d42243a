#pragma once
// Shared by the validate tests: a FULLY_CONNECTED classifier written by the project's
// .tflite writer whose outputs are computed by hand, and scratch files.
#include <cstdint>
#include <string>
#include <vector>

#include "model/model_summary.h"

namespace tinysim::test {

/// x int8 [1x4] (scale 0.5, zero point -1) -> scores int8 [1x3] (scale 0.125, zero point
/// 5); weights scale 0.25, bias scale 0.125: the requantisation multiplier is exactly 1,
/// so scores = clamp(W (x + 1) + b + 5) by hand.
std::vector<uint8_t> hand_checked_classifier();
ModelSummary hand_checked_summary();

/// Four inputs and their hand-computed scores (top-1 classes 2, 0, 0, 1).
extern const std::vector<std::vector<int8_t>> kInputs;
extern const std::vector<std::vector<int8_t>> kScores;

/// A fresh directory for this test's files.
std::string scratch_dir(const std::string& name);
void write_bytes(const std::string& path, const std::vector<uint8_t>& bytes);
std::vector<uint8_t> read_bytes(const std::string& path);
std::vector<uint8_t> as_bytes(const std::vector<int8_t>& values);

}  // namespace tinysim::test
