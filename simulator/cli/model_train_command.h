#pragma once
// `tinysim model train SPEC.yaml -o MODEL.tflite`: trains, quantises and exports the
// spec's network, printing progress and the held-out figures.
#include <ostream>
#include <string>
#include <vector>

namespace tinysim::cli {

/// args: everything after `tinysim model` (starting with "train"). Returns the exit
/// code: 0 written, 2 bad input (spec, data) or an output that cannot be written.
int model_train_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace tinysim::cli
