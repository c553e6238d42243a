#pragma once
// `tinysim model run|validate`: the user's input tensors through a model on an emulated
// chip (or the host build), outputs written to files or compared with expected ones.
#include <ostream>
#include <string>
#include <vector>

namespace tinysim::cli {

/// args: everything after `tinysim model` (starting with "run" or "validate"). Returns
/// the exit code: 0 ok, 1 outputs beyond the tolerance, 2 bad input or firmware fault.
int model_run_command(const std::vector<std::string>& args, const std::string& executable, std::ostream& out,
                      std::ostream& err);

}  // namespace tinysim::cli
