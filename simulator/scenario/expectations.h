#pragma once
// The `expect:` thresholds: which figure each key measures, in which unit, which way
// it must go, and the verdict of a run — each with its measured value, for the text
// summary, the JSON report and one JUnit test case each.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/quantity.h"
#include "scenario/scenario.h"

namespace tinysim {

/// What an expectation key measures and which way it must go unless an operator says.
struct ExpectationKind {
  const char* key;
  Dimension dimension;
  Comparison natural;
  const char* question;  ///< the summary section it answers: fits, fast, right, battery
};

/// Every key `expect:` accepts, in report order.
const std::vector<ExpectationKind>& expectation_kinds();
const ExpectationKind* find_expectation_kind(const std::string& key);

struct ExpectationResult {
  Expectation expectation;
  std::optional<double> measured;  ///< nullopt: the run could not measure it (e.g. no labels)
  bool passed = false;
  std::string measured_text;       ///< "93.1 %", "4.20 ms", "not measured: ..."
};

/// Measured figures by expectation key (SI units); missing keys were not measured,
/// with the reason in `why_not`.
struct MeasuredFigures {
  std::map<std::string, double> values;
  std::map<std::string, std::string> why_not;
};

std::vector<ExpectationResult> check_expectations(const std::vector<Expectation>& expectations,
                                                 const MeasuredFigures& measured);

/// A value of `key`'s dimension as a user reads it: "93.1 %", "4.20 ms", "2.3 years".
std::string format_figure(const std::string& key, double value);
/// "<= 20 ms": the comparison as a symbol and the threshold as written.
std::string describe_expectation(const Expectation& e);

}  // namespace tinysim
