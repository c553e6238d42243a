#include "model/op_options.h"

namespace tinyrt {

namespace fd = field;

OptionsType expected_options_type(int32_t builtin_code) {
  switch (BuiltinOp(builtin_code)) {
    case BuiltinOp::kConv2D: return OptionsType::kConv2D;
    case BuiltinOp::kDepthwiseConv2D: return OptionsType::kDepthwiseConv2D;
    case BuiltinOp::kAveragePool2D:
    case BuiltinOp::kMaxPool2D: return OptionsType::kPool2D;
    case BuiltinOp::kFullyConnected: return OptionsType::kFullyConnected;
    case BuiltinOp::kSoftmax: return OptionsType::kSoftmax;
    case BuiltinOp::kConcatenation: return OptionsType::kConcatenation;
    case BuiltinOp::kAdd: return OptionsType::kAdd;
    case BuiltinOp::kMul: return OptionsType::kMul;
    case BuiltinOp::kReshape: return OptionsType::kReshape;
    case BuiltinOp::kMean: return OptionsType::kReducer;
    case BuiltinOp::kPad: return OptionsType::kPad;
    case BuiltinOp::kQuantize: return OptionsType::kQuantize;
    case BuiltinOp::kDequantize: return OptionsType::kDequantize;
    default: return OptionsType::kNone;
  }
}

namespace {

bool read_activation(fb::Reader& r, const fb::Table& t, uint16_t id, const char* name,
                     Activation* out) {
  uint8_t v;
  if (!r.u8(t, id, 0, name, &v)) return false;
  *out = Activation(v);
  return true;
}

bool read_padding(fb::Reader& r, const fb::Table& t, uint16_t id, const char* name, Padding* out) {
  uint8_t v;
  if (!r.u8(t, id, 0, name, &v)) return false;
  *out = Padding(v);
  return true;
}

bool read_bool(fb::Reader& r, const fb::Table& t, uint16_t id, bool fallback, const char* name,
               bool* out) {
  uint8_t v;
  if (!r.u8(t, id, fallback ? 1 : 0, name, &v)) return false;
  *out = v != 0;
  return true;
}

bool read_conv(fb::Reader& r, const fb::Table& t, Conv2DOptions* o) {
  return read_padding(r, t, fd::kConvPadding, "Conv2DOptions.padding", &o->padding) &&
         r.i32(t, fd::kConvStrideW, 0, "Conv2DOptions.stride_w", &o->stride_w) &&
         r.i32(t, fd::kConvStrideH, 0, "Conv2DOptions.stride_h", &o->stride_h) &&
         read_activation(r, t, fd::kConvActivation, "Conv2DOptions.fused_activation_function",
                         &o->activation) &&
         r.i32(t, fd::kConvDilationW, 1, "Conv2DOptions.dilation_w_factor", &o->dilation_w) &&
         r.i32(t, fd::kConvDilationH, 1, "Conv2DOptions.dilation_h_factor", &o->dilation_h);
}

bool read_depthwise(fb::Reader& r, const fb::Table& t, DepthwiseConv2DOptions* o) {
  return read_padding(r, t, fd::kDwPadding, "DepthwiseConv2DOptions.padding", &o->padding) &&
         r.i32(t, fd::kDwStrideW, 0, "DepthwiseConv2DOptions.stride_w", &o->stride_w) &&
         r.i32(t, fd::kDwStrideH, 0, "DepthwiseConv2DOptions.stride_h", &o->stride_h) &&
         r.i32(t, fd::kDwDepthMultiplier, 0, "DepthwiseConv2DOptions.depth_multiplier",
               &o->depth_multiplier) &&
         read_activation(r, t, fd::kDwActivation,
                         "DepthwiseConv2DOptions.fused_activation_function", &o->activation) &&
         r.i32(t, fd::kDwDilationW, 1, "DepthwiseConv2DOptions.dilation_w_factor",
               &o->dilation_w) &&
         r.i32(t, fd::kDwDilationH, 1, "DepthwiseConv2DOptions.dilation_h_factor", &o->dilation_h);
}

bool read_pool(fb::Reader& r, const fb::Table& t, Pool2DOptions* o) {
  return read_padding(r, t, fd::kPoolPadding, "Pool2DOptions.padding", &o->padding) &&
         r.i32(t, fd::kPoolStrideW, 0, "Pool2DOptions.stride_w", &o->stride_w) &&
         r.i32(t, fd::kPoolStrideH, 0, "Pool2DOptions.stride_h", &o->stride_h) &&
         r.i32(t, fd::kPoolFilterW, 0, "Pool2DOptions.filter_width", &o->filter_w) &&
         r.i32(t, fd::kPoolFilterH, 0, "Pool2DOptions.filter_height", &o->filter_h) &&
         read_activation(r, t, fd::kPoolActivation, "Pool2DOptions.fused_activation_function",
                         &o->activation);
}

bool read_fully_connected(fb::Reader& r, const fb::Table& t, FullyConnectedOptions* o) {
  return read_activation(r, t, fd::kFcActivation,
                         "FullyConnectedOptions.fused_activation_function", &o->activation) &&
         r.u8(t, fd::kFcWeightsFormat, 0, "FullyConnectedOptions.weights_format",
              &o->weights_format) &&
         read_bool(r, t, fd::kFcKeepNumDims, false, "FullyConnectedOptions.keep_num_dims",
                   &o->keep_num_dims) &&
         read_bool(r, t, fd::kFcAsymmetricQuantizeInputs, false,
                   "FullyConnectedOptions.asymmetric_quantize_inputs",
                   &o->asymmetric_quantize_inputs);
}

bool read_reshape(fb::Reader& r, const fb::Table& t, ReshapeOptions* o) {
  fb::Vec v;
  if (!r.vec(t, fd::kReshapeNewShape, 4, "ReshapeOptions.new_shape", &v, &o->has_new_shape)) {
    return false;
  }
  o->new_shape = IntArray(r.data() + v.first, v.count);
  return true;
}

bool read_table(fb::Reader& r, const fb::Table& t, OptionsType type, OpOptions* o) {
  switch (type) {
    case OptionsType::kConv2D: return read_conv(r, t, &o->conv2d);
    case OptionsType::kDepthwiseConv2D: return read_depthwise(r, t, &o->depthwise);
    case OptionsType::kPool2D: return read_pool(r, t, &o->pool);
    case OptionsType::kFullyConnected: return read_fully_connected(r, t, &o->fully_connected);
    case OptionsType::kSoftmax:
      return r.f32(t, fd::kSoftmaxBeta, 0.0f, "SoftmaxOptions.beta", &o->softmax.beta);
    case OptionsType::kConcatenation:
      return r.i32(t, fd::kConcatAxis, 0, "ConcatenationOptions.axis", &o->concatenation.axis) &&
             read_activation(r, t, fd::kConcatActivation,
                             "ConcatenationOptions.fused_activation_function",
                             &o->concatenation.activation);
    case OptionsType::kAdd:
      return read_activation(r, t, fd::kAddActivation, "AddOptions.fused_activation_function",
                             &o->arithmetic.activation) &&
             read_bool(r, t, fd::kAddPotScaleInt16, true, "AddOptions.pot_scale_int16",
                       &o->arithmetic.pot_scale_int16);
    case OptionsType::kMul:
      return read_activation(r, t, fd::kMulActivation, "MulOptions.fused_activation_function",
                             &o->arithmetic.activation);
    case OptionsType::kReshape: return read_reshape(r, t, &o->reshape);
    case OptionsType::kReducer:
      return read_bool(r, t, fd::kReducerKeepDims, false, "ReducerOptions.keep_dims",
                       &o->reducer.keep_dims);
    default: return true;  // PadOptions, QuantizeOptions, DequantizeOptions: no fields
  }
}

}  // namespace

bool read_op_options(fb::Reader& r, const fb::Table& op, int32_t builtin_code, OpOptions* out) {
  *out = OpOptions{};
  uint8_t type;
  if (!r.u8(op, fd::kOperatorOptionsType, 0, "Operator.builtin_options_type", &type)) {
    return false;
  }
  const OptionsType expected = expected_options_type(builtin_code);
  if (type != uint8_t(OptionsType::kNone) && type != uint8_t(expected)) {
    uint32_t pos = 0;
    r.field(op, fd::kOperatorOptionsType, 1, "Operator.builtin_options_type", &pos);
    return r.fail(ModelStatus::kBadOptions, "Operator.builtin_options_type", pos, type);
  }
  out->type = OptionsType(type);
  fb::Table table;
  bool present = false;
  if (!r.table(op, fd::kOperatorOptions, "Operator.builtin_options", &table, &present)) {
    return false;
  }
  if (out->type == OptionsType::kNone || !present) return true;
  return read_table(r, table, out->type, out);
}

}  // namespace tinyrt
