#pragma once
// `tinysim model inspect|bench`: what a model costs on a chip, without a scenario.
#include <ostream>
#include <string>
#include <vector>

namespace tinysim::cli {

/// args: everything after `tinysim model`. Returns the process exit code
/// (0 ok, 1 a bench output mismatch or a model that does not fit, 2 bad input).
int model_command(const std::vector<std::string>& args, const std::string& executable, std::ostream& out,
                  std::ostream& err);

}  // namespace tinysim::cli
