#include "runner/model_validation.h"

#include <algorithm>

namespace tinysim {

bool Validation::passed() const {
  return std::all_of(outputs.begin(), outputs.end(), [&](const OutputComparison& c) { return c.within(tolerance); });
}

Validation validate_outputs(const ModelSummary& summary, InferenceRun run, const std::vector<TensorSet>& expected,
                            double tolerance) {
  Validation v;
  v.model = summary.file;
  v.tolerance = tolerance;
  for (size_t o = 0; o < summary.outputs.size(); ++o) {
    std::vector<std::vector<uint8_t>> actual, wanted;
    for (size_t n = 0; n < std::min(run.outputs.size(), expected.size()); ++n) {
      actual.push_back(run.outputs[n].at(o));
      wanted.push_back(expected[n].at(o));
    }
    v.outputs.push_back(compare_outputs(summary.outputs[o], actual, wanted));
  }
  v.run = std::move(run);
  return v;
}

}  // namespace tinysim
