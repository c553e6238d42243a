#pragma once
// What `tinysim model inspect` shows: each layer's op, shapes, quantisation,
// parameter bytes and MACs, and the arena plan from the same planner code the
// firmware runs (the runtime built for the host).
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"

namespace tinysim {

struct TensorSummary {
  int32_t index = -1;
  std::string name;
  std::string type;          ///< "int8", "int32", "float32"
  std::vector<int32_t> shape;
  uint32_t bytes = 0;
  double scale = 0;          ///< first (or only) scale; 0 when not quantised
  int64_t zero_point = 0;
  uint32_t channels = 0;     ///< number of per-channel scales (0 or 1: per tensor)
};

struct LayerSummary {
  uint32_t index = 0;
  std::string op;            ///< TFLite builtin name, e.g. "CONV_2D"
  int32_t code = 0;
  std::vector<TensorSummary> inputs;   ///< activations only (weights are in param_bytes)
  TensorSummary output;
  uint64_t param_bytes = 0;  ///< constant inputs (weights, bias)
  uint64_t macs = 0;         ///< multiply-accumulates of conv, depthwise, fully connected
};

/// One activation tensor's place in the arena: a rectangle op range x byte range.
struct ArenaTensor {
  int32_t tensor = -1;
  std::string name;
  uint32_t offset = 0;
  uint32_t bytes = 0;
  int32_t first_op = 0;
  int32_t last_op = 0;
  int32_t alias_of = -1;  ///< RESHAPE output: the tensor whose bytes it reuses
};

struct ArenaSummary {
  uint32_t persistent_bytes = 0;
  uint32_t activation_bytes = 0;
  uint32_t scratch_bytes = 0;
  uint32_t needed_bytes = 0;   ///< what init() needs, planning included
  std::string planner;
  std::vector<ArenaTensor> tensors;
};

struct ModelSummary {
  std::string file;
  uint64_t file_bytes = 0;
  std::string description;
  std::vector<TensorSummary> inputs;
  std::vector<TensorSummary> outputs;
  std::vector<LayerSummary> layers;
  uint64_t total_macs = 0;
  uint64_t total_param_bytes = 0;
  ArenaSummary arena;
};

/// Reads and plans a model. A model the runtime cannot run is an Error naming the
/// file, the op or tensor and what is wrong (e.g. an unsupported op by name and index).
Result<ModelSummary> summarize_model(const std::vector<uint8_t>& bytes, const std::string& file);

/// Reads a whole file; an Error names it when it cannot be read.
Result<std::vector<uint8_t>> read_file_bytes(const std::string& path);

}  // namespace tinysim
