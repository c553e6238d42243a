#pragma once
// Helpers shared by the model tests: files, a real-model path, and walking every
// accessor of a Model while checking that each pointer stays inside its bytes.
#include <cstdint>
#include <string>
#include <vector>

#include "model/model.h"
#include "model/tflite_graph.h"

namespace tinysim::test {

/// ../shared/models/<name>; empty string when the folder is absent.
std::string shared_model_path(const std::string& name);
/// Whole file, or empty when unreadable.
std::vector<uint8_t> read_file(const std::string& path);

/// Reads every tensor, operator, option, array element, name and data byte of m and
/// returns a checksum; adds a GoogleTest failure when something points outside m.
uint64_t walk_model(const tinyrt::Model& m);

/// The graph a Model describes, in the writer's terms (for re-writing real models).
TfliteGraph graph_from_model(const tinyrt::Model& m);

/// GoogleTest expectations that two graphs are the same field by field (options:
/// the family of each op).
void expect_same_graph(const TfliteGraph& expected, const TfliteGraph& actual);

/// A small valid graph: float input → QUANTIZE → CONV_2D (per-channel) → ... → DEQUANTIZE.
TfliteGraph small_graph();
/// A graph using every supported op, with every option set to a non-default value.
TfliteGraph all_ops_graph();
/// write_tflite(graph), failing the test on error.
std::vector<uint8_t> write_or_fail(const TfliteGraph& graph, const TfliteWriteOptions& options = {});

}  // namespace tinysim::test
