#pragma once
// `tinysim model validate`: a model run's outputs against the expected ones, per output
// tensor, and whether they are all within the tolerance.
#include <string>
#include <vector>

#include "model/model_summary.h"
#include "runner/model_run.h"
#include "runner/output_comparison.h"

namespace tinysim {

struct Validation {
  std::string model;
  double tolerance = 0;                  ///< largest absolute error allowed, LSB (0: bit-exact)
  InferenceRun run;
  std::vector<OutputComparison> outputs; ///< one per model output

  bool passed() const;
};

/// Compares each output of `run` with `expected` (one TensorSet per inference, same count).
Validation validate_outputs(const ModelSummary& summary, InferenceRun run, const std::vector<TensorSet>& expected,
                            double tolerance);

}  // namespace tinysim
