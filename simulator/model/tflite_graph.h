#pragma once
// A graph description for the .tflite writer: tensors with their constant data and
// quantization, operators with builtin options, and the subgraph's inputs/outputs.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "model/op_options.h"
#include "model/schema.h"

namespace tinysim {

/// real = scale * (q - zero_point); one entry per tensor or one per channel along
/// quantized_dimension. Empty scale: the tensor is not quantized.
struct TfliteQuantization {
  std::vector<float> scale;
  std::vector<int64_t> zero_point;
  int32_t quantized_dimension = 0;
};

/// One tensor; `data` empty means an activation (no constant buffer).
struct TfliteTensor {
  std::string name;
  tinyrt::TensorType type = tinyrt::TensorType::kInt8;
  std::vector<int32_t> shape;
  std::vector<uint8_t> data;  ///< little-endian element bytes
  TfliteQuantization quantization;
  bool is_variable = false;

  /// Sets data from elements of T (int8_t, int32_t or float), little-endian host.
  template <class T>
  TfliteTensor& set_data(const std::vector<T>& values) {
    const auto* first = reinterpret_cast<const uint8_t*>(values.data());
    data.assign(first, first + values.size() * sizeof(T));
    return *this;
  }
};

/// One operator. Options: the member of `options` for the op's family is written
/// (RESHAPE's new shape comes from `new_shape` when has_new_shape).
struct TfliteOperator {
  int32_t builtin_code = 0;  ///< BuiltinOperator
  int32_t version = 1;       ///< OperatorCode.version
  std::vector<int32_t> inputs;  ///< -1 for an absent optional input
  std::vector<int32_t> outputs;
  tinyrt::OpOptions options;  ///< `type` is ignored: the op's own table is written
  bool has_new_shape = false;
  std::vector<int32_t> new_shape;
  bool write_options = true;  ///< false: builtin_options NONE
};

/// A single-subgraph model.
struct TfliteGraph {
  std::vector<TfliteTensor> tensors;
  std::vector<TfliteOperator> operators;
  std::vector<int32_t> inputs;
  std::vector<int32_t> outputs;
  std::string subgraph_name = "main";
  std::string description = "TinySim tflite writer";
};

/// How to write: the defaults give a standard model; the rest exist for tests and
/// for very large models.
struct TfliteWriteOptions {
  uint32_t schema_version = 3;
  uint32_t subgraph_copies = 1;      ///< >1 repeats the subgraph (invalid for tinyrt)
  std::string min_runtime_version;   ///< non-empty: adds "min_runtime_version" metadata
  bool external_buffers = false;     ///< data after the flatbuffer, via Buffer.offset/size
};

}  // namespace tinysim
