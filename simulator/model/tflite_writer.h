#pragma once
// Writes a TfliteGraph as a standard TFLite flatbuffer: identifier "TFL3", schema
// version 3, buffer 0 empty, constant data 16-byte aligned, operator codes
// deduplicated, builtin options per op (docs/tflite-format.md).
#include <cstdint>
#include <vector>

#include "core/error.h"
#include "model/tflite_graph.h"

namespace tinysim {

/// The model file's bytes, or an Error naming the bad field (e.g.
/// "operators[2].inputs[1]") when the graph is inconsistent.
Result<std::vector<uint8_t>> write_tflite(const TfliteGraph& graph,
                                          const TfliteWriteOptions& options = {});

}  // namespace tinysim
