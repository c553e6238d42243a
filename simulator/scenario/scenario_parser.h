#pragma once
// Reading a scenario file: every field checked, errors with file:line:column and the
// field; relative paths resolve against the scenario's folder; command-line
// overrides are applied to the YAML tree first, so their errors name the field too.
#include <string>

#include "core/error.h"
#include "scenario/overrides.h"
#include "scenario/scenario.h"

namespace tinysim {

/// Reads `path`, applies `overrides` and parses the result.
Result<Scenario> load_scenario(const std::string& path, const ScenarioOverrides& overrides = {});

/// Parses a scenario document already loaded; `file` names it in errors and gives the
/// folder relative paths resolve against.
Result<Scenario> parse_scenario(const YAML::Node& root, const std::string& file);

}  // namespace tinysim
