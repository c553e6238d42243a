#pragma once
// What a scenario run produces for people and tools: the terminal summary (fits,
// fast enough, right, battery life — each figure beside its expectation), the JSON
// report (everything, versioned, byte-identical for the same inputs), JUnit XML (one
// test case per expectation) and a Chrome/Perfetto trace of the simulated timeline.
#include <optional>
#include <ostream>
#include <string>

#include "core/error.h"
#include "scenario/scenario_run.h"

namespace tinysim {

/// Version of the scenario JSON report's layout; bump when a field changes meaning.
inline constexpr int kScenarioReportVersion = 1;

void print_scenario_summary(std::ostream& out, const ScenarioOutcome& outcome);
std::string scenario_json(const ScenarioOutcome& outcome);
/// One test case per expectation; a run that could not finish is one test case "run"
/// with an <error> carrying the message.
std::string scenario_junit(const std::string& scenario_name, const ScenarioOutcome* outcome, const Error* error);
/// Trace-event JSON: power states, feature extraction, inferences and per-op spans,
/// results as instant events, on the simulated timeline in microseconds.
std::string scenario_trace(const ScenarioOutcome& outcome);

}  // namespace tinysim
