// The runtime's rules for a model it will run: tensor types, shapes, quantization,
// constant data, supported ops, operand counts and builtin option ranges.
#include <stdint.h>

#include "model/model_parts.h"
#include "model/op_names.h"

namespace tinyrt {

namespace {

/// True for a finite scale > 0 (NaN fails both comparisons).
bool valid_scale(float s) { return s > 0.0f && s <= 3.4028234e38f; }

bool check_shape(fb::Reader& r, const TensorRecord& rec) {
  const TensorInfo& t = rec.info;
  if (t.shape.size() > kMaxTensorRank) {
    return r.fail(ModelStatus::kBadShape, "Tensor.shape", rec.shape_pos, t.shape.size());
  }
  uint64_t count = 1;
  for (uint32_t d = 0; d < t.shape.size(); ++d) {
    const int32_t dim = t.shape[d];
    if (dim < 1) return r.fail(ModelStatus::kBadShape, "Tensor.shape", rec.shape_pos + 4 * d, dim);
    count *= uint64_t(dim);
    if (count * 4u > 0x7FFFFFFFu) {
      return r.fail(ModelStatus::kBadShape, "Tensor.shape", rec.shape_pos + 4 * d, dim);
    }
  }
  return true;
}

bool check_quantization(fb::Reader& r, const TensorRecord& rec) {
  const TensorInfo& t = rec.info;
  const Quantization& q = t.quant;
  const uint32_t at = rec.quant_pos ? rec.quant_pos : rec.pos;
  if (t.type == TensorType::kFloat32) return true;  // float tensors are not quantized
  if (rec.details_type != 0) {
    return r.fail(ModelStatus::kBadQuantization, "Tensor.quantization.details_type", at,
                  rec.details_type);
  }
  if (q.count() == 0) {
    if (t.type == TensorType::kInt8) {
      return r.fail(ModelStatus::kBadQuantization, "Tensor.quantization.scale", at, 0);
    }
    return true;  // e.g. an int32 shape or axis tensor
  }
  if (q.zero_point.size() != q.count()) {
    return r.fail(ModelStatus::kBadQuantization, "Tensor.quantization.zero_point", at,
                  q.zero_point.size());
  }
  if (q.per_channel()) {
    const int32_t dim = q.quantized_dimension;
    if (dim < 0 || uint32_t(dim) >= t.shape.size() || uint32_t(t.shape[uint32_t(dim)]) != q.count()) {
      return r.fail(ModelStatus::kBadQuantization, "Tensor.quantization.quantized_dimension", at,
                    dim);
    }
  }
  for (uint32_t c = 0; c < q.count(); ++c) {
    if (!valid_scale(q.scale[c])) {
      return r.fail(ModelStatus::kBadQuantization, "Tensor.quantization.scale", at, c);
    }
    const int64_t zp = q.zero_point[c];
    if (t.type == TensorType::kInt8 && (zp < -128 || zp > 127)) {
      return r.fail(ModelStatus::kBadQuantization, "Tensor.quantization.zero_point", at, zp);
    }
  }
  return true;
}

bool check_tensor(fb::Reader& r, const TensorRecord& rec) {
  const TensorInfo& t = rec.info;
  if (tensor_type_size(t.type) == 0) {
    return r.fail(ModelStatus::kUnsupportedType, "Tensor.type", rec.pos, int8_t(t.type));
  }
  if (rec.has_sparsity) return r.fail(ModelStatus::kUnsupportedType, "Tensor.sparsity", rec.pos);
  if (!check_shape(r, rec) || !check_quantization(r, rec)) return false;
  if (t.data != nullptr) {
    if (t.data_size != t.bytes()) {
      return r.fail(ModelStatus::kBadBufferSize, "Buffer.data", uint64_t(t.data - r.data()),
                    int64_t(t.data_size));
    }
    if (tensor_type_size(t.type) == 4 && (reinterpret_cast<uintptr_t>(t.data) & 3u) != 0) {
      return r.fail(ModelStatus::kMisalignedData, "Buffer.data", uint64_t(t.data - r.data()),
                    int64_t(reinterpret_cast<uintptr_t>(t.data) & 15u));
    }
  }
  return true;
}

/// Allowed operand counts per op; inputs below min_in must not be -1.
struct Operands {
  uint8_t min_in, max_in, outputs;
};

Operands operands_of(BuiltinOp op) {
  switch (op) {
    case BuiltinOp::kConv2D:
    case BuiltinOp::kDepthwiseConv2D:
    case BuiltinOp::kFullyConnected: return {2, 3, 1};
    case BuiltinOp::kAdd:
    case BuiltinOp::kMul:
    case BuiltinOp::kMean:
    case BuiltinOp::kPad: return {2, 2, 1};
    case BuiltinOp::kReshape: return {1, 2, 1};
    case BuiltinOp::kConcatenation: return {1, 255, 1};
    default: return {1, 1, 1};  // pools, softmax, logistic, tanh, (de)quantize
  }
}

bool check_activation(fb::Reader& r, Activation a, const char* name, uint32_t at) {
  if (uint8_t(a) > uint8_t(Activation::kRelu6)) {
    return r.fail(ModelStatus::kBadOptions, name, at, uint8_t(a));
  }
  return true;
}

bool check_window(fb::Reader& r, Padding p, int32_t sw, int32_t sh, int32_t a, int32_t b,
                  const char* name, uint32_t at) {
  if (uint8_t(p) > uint8_t(Padding::kValid)) return r.fail(ModelStatus::kBadOptions, name, at, uint8_t(p));
  if (sw < 1) return r.fail(ModelStatus::kBadOptions, name, at, sw);
  if (sh < 1) return r.fail(ModelStatus::kBadOptions, name, at, sh);
  if (a < 1) return r.fail(ModelStatus::kBadOptions, name, at, a);
  if (b < 1) return r.fail(ModelStatus::kBadOptions, name, at, b);
  return true;
}

bool check_options(fb::Reader& r, const Model& m, const OperatorInfo& op, uint32_t at) {
  const OpOptions& o = op.options;
  switch (op.op()) {
    case BuiltinOp::kConv2D:
      return check_window(r, o.conv2d.padding, o.conv2d.stride_w, o.conv2d.stride_h,
                          o.conv2d.dilation_w, o.conv2d.dilation_h, "Conv2DOptions", at) &&
             check_activation(r, o.conv2d.activation, "Conv2DOptions.fused_activation_function", at);
    case BuiltinOp::kDepthwiseConv2D:
      if (o.depthwise.depth_multiplier < 0) {
        return r.fail(ModelStatus::kBadOptions, "DepthwiseConv2DOptions.depth_multiplier", at,
                      o.depthwise.depth_multiplier);
      }
      return check_window(r, o.depthwise.padding, o.depthwise.stride_w, o.depthwise.stride_h,
                          o.depthwise.dilation_w, o.depthwise.dilation_h, "DepthwiseConv2DOptions",
                          at) &&
             check_activation(r, o.depthwise.activation,
                              "DepthwiseConv2DOptions.fused_activation_function", at);
    case BuiltinOp::kAveragePool2D:
    case BuiltinOp::kMaxPool2D:
      return check_window(r, o.pool.padding, o.pool.stride_w, o.pool.stride_h, o.pool.filter_w,
                          o.pool.filter_h, "Pool2DOptions", at) &&
             check_activation(r, o.pool.activation, "Pool2DOptions.fused_activation_function", at);
    case BuiltinOp::kFullyConnected:
      if (o.fully_connected.weights_format != 0) {
        return r.fail(ModelStatus::kBadOptions, "FullyConnectedOptions.weights_format", at,
                      o.fully_connected.weights_format);
      }
      return check_activation(r, o.fully_connected.activation,
                              "FullyConnectedOptions.fused_activation_function", at);
    case BuiltinOp::kAdd:
    case BuiltinOp::kMul:
      return check_activation(r, o.arithmetic.activation, "fused_activation_function", at);
    case BuiltinOp::kConcatenation: {
      const int32_t rank = int32_t(m.tensor(uint32_t(op.outputs[0])).shape.size());
      if (o.concatenation.axis < -rank || o.concatenation.axis >= rank) {
        return r.fail(ModelStatus::kBadOptions, "ConcatenationOptions.axis", at,
                      o.concatenation.axis);
      }
      return check_activation(r, o.concatenation.activation,
                              "ConcatenationOptions.fused_activation_function", at);
    }
    case BuiltinOp::kReshape:
      if (o.reshape.new_shape.size() > kMaxTensorRank) {
        return r.fail(ModelStatus::kBadOptions, "ReshapeOptions.new_shape", at,
                      o.reshape.new_shape.size());
      }
      return true;
    default: return true;
  }
}

/// Where float32 and int32 tensors may appear: float32 only into QUANTIZE and out of
/// DEQUANTIZE; int32 only as constant inputs (bias, shape, paddings, axis).
bool check_operand_type(fb::Reader& r, const Model& m, const OperatorInfo& op, int32_t tensor,
                        bool is_input, uint32_t at) {
  const TensorInfo t = m.tensor(uint32_t(tensor));
  const char* name = is_input ? "Operator.inputs" : "Operator.outputs";
  if (t.type == TensorType::kFloat32) {
    const BuiltinOp allowed = is_input ? BuiltinOp::kQuantize : BuiltinOp::kDequantize;
    if (op.op() != allowed) return r.fail(ModelStatus::kUnsupportedType, name, at, tensor);
  } else if (t.type == TensorType::kInt32) {
    if (!is_input || !t.is_constant()) {
      return r.fail(ModelStatus::kUnsupportedType, name, at, tensor);
    }
  }
  return true;
}

bool check_operator(fb::Reader& r, const Model& m, const OperatorInfo& op, uint32_t at) {
  if (!is_supported_op(op.builtin_code)) {
    return r.fail(ModelStatus::kUnsupportedOp, "OperatorCode.builtin_code", at, op.builtin_code,
                  builtin_op_name(op.builtin_code));
  }
  const Operands n = operands_of(op.op());
  if (op.inputs.size() < n.min_in || op.inputs.size() > n.max_in) {
    return r.fail(ModelStatus::kBadOperands, "Operator.inputs", at, op.inputs.size());
  }
  if (op.outputs.size() != n.outputs) {
    return r.fail(ModelStatus::kBadOperands, "Operator.outputs", at, op.outputs.size());
  }
  const int32_t tensors = int32_t(m.tensor_count());
  for (uint32_t k = 0; k < op.inputs.size(); ++k) {
    const int32_t t = op.inputs[k];
    if (t == -1 && k >= n.min_in) continue;  // absent optional input (e.g. no bias)
    if (t == -1) return r.fail(ModelStatus::kBadOperands, "Operator.inputs", at, k);
    if (t < 0 || t >= tensors) return r.fail(ModelStatus::kBadTensorIndex, "Operator.inputs", at, t);
    if (!check_operand_type(r, m, op, t, true, at)) return false;
  }
  for (uint32_t k = 0; k < op.outputs.size(); ++k) {
    const int32_t t = op.outputs[k];
    if (t < 0 || t >= tensors) return r.fail(ModelStatus::kBadTensorIndex, "Operator.outputs", at, t);
    if (!check_operand_type(r, m, op, t, false, at)) return false;
  }
  return check_options(r, m, op, at);
}

bool check_io(fb::Reader& r, const Model& m, IntArray list, const char* name) {
  for (uint32_t k = 0; k < list.size(); ++k) {
    const int32_t t = list[k];
    if (t < 0 || uint32_t(t) >= m.tensor_count()) {
      return r.fail(ModelStatus::kBadTensorIndex, name, 0, t);
    }
  }
  return true;
}

}  // namespace

bool validate_model(fb::Reader& r, const Model& m) {
  for (uint32_t i = 0; i < m.buffer_count(); ++i) {  // every buffer, used or not
    r.set_index(int32_t(i));
    const uint8_t* data;
    size_t size;
    if (!ModelParts::read_buffer(r, m, i, &data, &size)) return false;
  }
  for (uint32_t i = 0; i < m.tensor_count(); ++i) {
    r.set_index(int32_t(i));
    TensorRecord rec;
    if (!ModelParts::read_tensor(r, m, i, &rec) || !check_tensor(r, rec)) return false;
  }
  for (uint32_t i = 0; i < m.operator_count(); ++i) {
    r.set_index(int32_t(i));
    OperatorInfo op;
    uint32_t at;
    if (!ModelParts::read_operator(r, m, i, &op, &at) || !check_operator(r, m, op, at)) return false;
  }
  r.set_index(-1);
  return check_io(r, m, m.inputs(), "SubGraph.inputs") &&
         check_io(r, m, m.outputs(), "SubGraph.outputs");
}

}  // namespace tinyrt
