#pragma once
// A trained network -> an int8 .tflite the runtime runs: int8 input and output, each
// layer one builtin op (dropout disappears), quantised as train/quantizer.h says.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "model/tflite_graph.h"
#include "train/quantizer.h"

namespace tinysim {

struct ExportSettings {
  tinyrt::QuantParams input;  ///< the feature pipeline's int8 quantisation of the model input
  std::string description = "TinySim trainer";
};

/// The graph for `network`; `ranges` from calibrate() on the same network.
Result<TfliteGraph> int8_graph(const Network& network, const std::vector<ValueRange>& ranges,
                               const ExportSettings& settings);

/// int8_graph() written with the .tflite writer.
Result<std::vector<uint8_t>> export_int8_tflite(const Network& network, const std::vector<ValueRange>& ranges,
                                                const ExportSettings& settings);

}  // namespace tinysim
