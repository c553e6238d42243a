#pragma once
// tinyrt::Model: a validated .tflite flatbuffer read in place (zero-copy, no heap).
// Model::open checks every offset, length, vtable, string and union against the
// size and the runtime's rules (docs/tflite-format.md); after it succeeds, the
// accessors below read tensors and operators lazily from the bytes.
#include <stddef.h>
#include <stdint.h>

#include "model/arrays.h"
#include "model/model_error.h"
#include "model/op_options.h"
#include "model/schema.h"

namespace tinyrt {

/// Highest tensor rank the runtime accepts.
constexpr uint32_t kMaxTensorRank = 6;

/// A tensor's quantization: real = scale * (q - zero_point), per tensor (one
/// entry) or per channel along quantized_dimension. Empty scale: not quantized.
struct Quantization {
  FloatArray scale;
  Int64Array zero_point;
  int32_t quantized_dimension = 0;

  uint32_t count() const { return scale.size(); }
  bool per_channel() const { return scale.size() > 1; }
};

/// One tensor of the subgraph, as stored in the model.
struct TensorInfo {
  TensorType type = TensorType::kInt8;
  IntArray shape;
  const char* name = "";           ///< zero-terminated, inside the model
  uint32_t buffer = 0;             ///< index into Model.buffers; 0 = no data
  const uint8_t* data = nullptr;   ///< constant data inside the model, or nullptr
  size_t data_size = 0;            ///< bytes of constant data (0 for activations)
  Quantization quant;
  bool is_variable = false;

  bool is_constant() const { return data != nullptr; }
  /// Product of the dimensions (1 for a scalar); validated to fit in 31 bits.
  uint32_t element_count() const;
  /// element_count() times the element size (1 for int8, 4 for int32/float32).
  uint32_t bytes() const;
};

/// One operator of the subgraph, in execution order.
struct OperatorInfo {
  int32_t builtin_code = 0;   ///< BuiltinOperator, max(deprecated_builtin_code, builtin_code)
  int32_t version = 1;        ///< OperatorCode.version
  uint32_t opcode_index = 0;
  IntArray inputs;            ///< tensor indices; -1 marks an absent optional input
  IntArray outputs;
  OpOptions options;

  BuiltinOp op() const { return BuiltinOp(builtin_code); }
};

/// Bytes of one element of a tensor type the runtime accepts (0 for others).
uint32_t tensor_type_size(TensorType type);

/// A validated model. Copyable, 60-odd bytes; the bytes must outlive it.
class Model {
 public:
  /// Checks data[0, size) as a TFLite model the runtime can run and fills *model.
  /// On failure returns false and, if error is not null, says what and where.
  static bool open(const uint8_t* data, size_t size, Model* model, ModelError* error);

  uint32_t version() const { return version_; }
  const char* description() const;     ///< Model.description, "" if absent
  const char* subgraph_name() const;   ///< SubGraph.name, "" if absent

  uint32_t tensor_count() const { return tensors_.count; }
  uint32_t operator_count() const { return operators_.count; }
  uint32_t buffer_count() const { return buffers_.count; }
  uint32_t operator_code_count() const { return opcodes_.count; }

  /// Tensor i (i < tensor_count()); a default TensorInfo past the end.
  TensorInfo tensor(uint32_t i) const;
  /// Operator i in execution order (i < operator_count()).
  OperatorInfo op(uint32_t i) const;
  /// Subgraph input and output tensor indices.
  IntArray inputs() const { return inputs_; }
  IntArray outputs() const { return outputs_; }

  /// Data of Model.buffers[i] (inline vector, or Buffer.offset/size); false past the end.
  bool buffer(uint32_t i, const uint8_t** data, size_t* size) const;

  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  friend struct ModelParts;
  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  uint32_t version_ = 0;
  fb::Vec opcodes_, buffers_, tensors_, operators_, description_, subgraph_name_;
  IntArray inputs_, outputs_;
};

}  // namespace tinyrt
