#pragma once
// Internal to runtime/model: reads one part of a Model through a Reader, shared by
// Model::open's validation (reader with an error) and the lazy accessors.
#include "model/flatbuffer.h"
#include "model/model.h"

namespace tinyrt {

/// A tensor plus what validation needs beyond TensorInfo.
struct TensorRecord {
  TensorInfo info;
  uint32_t pos = 0;             ///< table position, for error offsets
  uint32_t shape_pos = 0;       ///< first shape element, 0 if absent
  uint32_t quant_pos = 0;       ///< QuantizationParameters table, 0 if absent
  uint8_t details_type = 0;     ///< QuantizationParameters.details_type
  bool has_sparsity = false;
};

/// Readers for Model's parts (friend of Model).
struct ModelParts {
  static bool read_header(fb::Reader& r, Model* m);
  static bool read_buffer(fb::Reader& r, const Model& m, uint32_t i, const uint8_t** data,
                          size_t* size);
  static bool read_tensor(fb::Reader& r, const Model& m, uint32_t i, TensorRecord* out);
  static bool read_operator(fb::Reader& r, const Model& m, uint32_t i, OperatorInfo* out,
                            uint32_t* pos);
  static const fb::Vec& tensors(const Model& m) { return m.tensors_; }
  static const fb::Vec& operators(const Model& m) { return m.operators_; }
};

/// The runtime's rules over a model whose header was read (model_validate.cpp).
bool validate_model(fb::Reader& r, const Model& m);

}  // namespace tinyrt
