#pragma once
// How far a model's outputs are from the expected ones, per output tensor: exact-match
// rate, largest and mean absolute error in the tensor's own units (LSB for quantised
// tensors) and, for classifiers, top-1 agreement. Used by the CLI text and JSON report.
#include <cstdint>
#include <string>
#include <vector>

#include "model/model_summary.h"

namespace tinysim {

struct OutputComparison {
  std::string name;
  double scale = 0;             ///< real units per LSB; 0 when not quantised
  bool classifier = false;      ///< a 1-D score vector: top-1 agreement is counted
  uint64_t inferences = 0;
  uint64_t values = 0;
  uint64_t exact = 0;           ///< values equal to the expected
  uint64_t top1_agree = 0;
  double max_abs_error = 0;
  double sum_abs_error = 0;
  std::string first_mismatch;   ///< "inference 2, element 5: 12, expected 15"

  double exact_rate() const { return values ? double(exact) / double(values) : 1.0; }
  double mean_abs_error() const { return values ? sum_abs_error / double(values) : 0.0; }
  double top1_rate() const { return inferences ? double(top1_agree) / double(inferences) : 1.0; }
  /// Within `tolerance` (same units as the errors) everywhere.
  bool within(double tolerance) const { return max_abs_error <= tolerance; }
};

/// Compares `actual` with `expected` (the raw bytes of `tensor`, one per inference;
/// both lists the same length, each entry the tensor's size).
OutputComparison compare_outputs(const TensorSummary& tensor, const std::vector<std::vector<uint8_t>>& actual,
                                 const std::vector<std::vector<uint8_t>>& expected);

}  // namespace tinysim
