#include "runner/output_comparison.h"

#include <algorithm>
#include <cmath>

#include "io/element_type.h"

namespace tinysim {
namespace {

/// Scores of a classifier: one dimension of at least two classes, after leading 1s.
bool is_classifier(const TensorSummary& tensor) {
  std::vector<int32_t> dims;
  for (int32_t d : tensor.shape)
    if (d != 1 || !dims.empty()) dims.push_back(d);
  return dims.size() == 1 && dims[0] >= 2;
}

/// The first largest score, as the firmware's predicted class.
size_t top1(const std::vector<double>& scores) {
  return static_cast<size_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
}

}  // namespace

OutputComparison compare_outputs(const TensorSummary& tensor, const std::vector<std::vector<uint8_t>>& actual,
                                 const std::vector<std::vector<uint8_t>>& expected) {
  OutputComparison c;
  c.name = tensor.name;
  c.scale = tensor.scale;
  c.classifier = is_classifier(tensor);
  const ElementType type = element_type_named(tensor.type).value_or(ElementType::kInt8);
  for (size_t n = 0; n < std::min(actual.size(), expected.size()); ++n) {
    const std::vector<double> a = decode_elements(actual[n], type);
    const std::vector<double> e = decode_elements(expected[n], type);
    ++c.inferences;
    for (size_t i = 0; i < std::min(a.size(), e.size()); ++i) {
      const double error = std::fabs(a[i] - e[i]);
      ++c.values;
      c.sum_abs_error += error;
      c.max_abs_error = std::max(c.max_abs_error, error);
      if (a[i] == e[i]) {
        ++c.exact;
      } else if (c.first_mismatch.empty()) {
        c.first_mismatch = "inference " + std::to_string(n) + ", element " + std::to_string(i) + ": " +
                           value_text(a[i], type) + ", expected " + value_text(e[i], type);
      }
    }
    if (c.classifier && !a.empty() && top1(a) == top1(e)) ++c.top1_agree;
  }
  return c;
}

}  // namespace tinysim
