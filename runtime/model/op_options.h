#pragma once
// Builtin options of the supported ops, parsed into small POD structs. Defaults are
// schema.fbs's (what a reader sees when a field or the whole table is absent).
#include <stdint.h>

#include "model/arrays.h"
#include "model/flatbuffer.h"
#include "model/schema.h"

namespace tinyrt {

/// CONV_2D (Conv2DOptions).
struct Conv2DOptions {
  Padding padding = Padding::kSame;
  Activation activation = Activation::kNone;
  int32_t stride_w = 0;
  int32_t stride_h = 0;
  int32_t dilation_w = 1;
  int32_t dilation_h = 1;
};

/// DEPTHWISE_CONV_2D (DepthwiseConv2DOptions).
struct DepthwiseConv2DOptions {
  Padding padding = Padding::kSame;
  Activation activation = Activation::kNone;
  int32_t stride_w = 0;
  int32_t stride_h = 0;
  int32_t depth_multiplier = 0;
  int32_t dilation_w = 1;
  int32_t dilation_h = 1;
};

/// AVERAGE_POOL_2D and MAX_POOL_2D (Pool2DOptions).
struct Pool2DOptions {
  Padding padding = Padding::kSame;
  Activation activation = Activation::kNone;
  int32_t stride_w = 0;
  int32_t stride_h = 0;
  int32_t filter_w = 0;
  int32_t filter_h = 0;
};

/// FULLY_CONNECTED (FullyConnectedOptions).
struct FullyConnectedOptions {
  Activation activation = Activation::kNone;
  uint8_t weights_format = 0;  ///< 0 DEFAULT; 1 SHUFFLED4x16INT8 (rejected)
  bool keep_num_dims = false;
  bool asymmetric_quantize_inputs = false;
};

/// SOFTMAX (SoftmaxOptions).
struct SoftmaxOptions {
  float beta = 0.0f;
};

/// CONCATENATION (ConcatenationOptions).
struct ConcatenationOptions {
  int32_t axis = 0;
  Activation activation = Activation::kNone;
};

/// ADD (AddOptions) and MUL (MulOptions; pot_scale_int16 unused).
struct ArithmeticOptions {
  Activation activation = Activation::kNone;
  bool pot_scale_int16 = true;
};

/// RESHAPE (ReshapeOptions); the new shape may instead come from input 1.
struct ReshapeOptions {
  bool has_new_shape = false;
  IntArray new_shape;
};

/// MEAN (ReducerOptions).
struct ReducerOptions {
  bool keep_dims = false;
};

/// One operator's options. `type` is the union type read from the model (kNone
/// when absent); the member matching the op's family holds the values.
struct OpOptions {
  OptionsType type = OptionsType::kNone;
  Conv2DOptions conv2d;
  DepthwiseConv2DOptions depthwise;
  Pool2DOptions pool;
  FullyConnectedOptions fully_connected;
  SoftmaxOptions softmax;
  ConcatenationOptions concatenation;
  ArithmeticOptions arithmetic;
  ReshapeOptions reshape;
  ReducerOptions reducer;
};

/// The options table type an op carries: kNone for ops without one.
OptionsType expected_options_type(int32_t builtin_code);

/// Reads an Operator's builtin_options for builtin_code into *out. Fails with
/// kBadOptions when the union type is neither NONE nor the op's own table.
bool read_op_options(fb::Reader& reader, const fb::Table& op, int32_t builtin_code, OpOptions* out);

}  // namespace tinyrt
