#pragma once
// A rejected model's error in the user's terms: what is wrong with the file
// (not a TFLite model, truncated or corrupt, wrong schema version), then the
// reader's status for experts. The firmware keeps its terse form (runtime/model).
#include <string>

#include "model/model_error.h"

namespace tinysim {

/// E.g. "truncated or corrupt: Model.operator_codes (a vector of 53772 entries at
/// byte 36) runs past the end of the 5,000-byte file [out_of_bounds]".
std::string model_error_text(const tinyrt::ModelError& error);

}  // namespace tinysim
