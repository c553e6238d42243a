#pragma once
// The `model:` list of a training spec -> a Network, checking every layer's settings
// and shapes; errors name the layer (model[i], its kind) and its line.
#include <string>

#include <yaml-cpp/yaml.h>

#include "core/error.h"
#include "train/network.h"

namespace tinysim {

/// Layer kinds the spec accepts, for messages and docs.
const char* layer_kind_names();

/// Builds the layers in order from `input`; weights drawn from `seed`.
Result<Network> build_network(const YAML::Node& layers, const std::string& file, TensorShape input, uint64_t seed);

}  // namespace tinysim
