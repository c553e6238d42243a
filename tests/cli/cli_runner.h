#pragma once
// Runs the built `tinysim` binary (TINYSIM_CLI) as a user or CI script would.
#include <string>

namespace tinysim::test {

struct CliOutcome {
  int exit_code = -1;
  std::string out;  ///< stdout and stderr
};

/// `tinysim <args>` through the shell; args are not quoted.
CliOutcome run_cli(const std::string& args);

}  // namespace tinysim::test
