// Graphs built in code for the reader/writer tests.
#include <gtest/gtest.h>

#include "model/tflite_writer.h"
#include "model_test_util.h"

namespace tinysim::test {

using tinyrt::Activation;
using tinyrt::BuiltinOp;
using tinyrt::Padding;
using tinyrt::TensorType;

namespace {

int32_t add_tensor(TfliteGraph& g, const std::string& name, TensorType type,
                   std::vector<int32_t> shape, std::vector<float> scale = {},
                   std::vector<int64_t> zero_point = {}, int32_t quantized_dimension = 0) {
  TfliteTensor t;
  t.name = name;
  t.type = type;
  t.shape = std::move(shape);
  t.quantization.scale = std::move(scale);
  t.quantization.zero_point = std::move(zero_point);
  t.quantization.quantized_dimension = quantized_dimension;
  g.tensors.push_back(std::move(t));
  return static_cast<int32_t>(g.tensors.size() - 1);
}

/// Deterministic int8 weights: (i * 37 + 11) mod 256 as int8.
std::vector<int8_t> weights(size_t n) {
  std::vector<int8_t> w(n);
  for (size_t i = 0; i < n; ++i) w[i] = static_cast<int8_t>((i * 37 + 11) & 0xFF);
  return w;
}

TfliteOperator make_op(BuiltinOp code, std::vector<int32_t> in, std::vector<int32_t> out) {
  TfliteOperator op;
  op.builtin_code = static_cast<int32_t>(code);
  op.inputs = std::move(in);
  op.outputs = std::move(out);
  return op;
}

}  // namespace

TfliteGraph small_graph() {
  TfliteGraph g;
  g.description = "small";
  const int32_t in = add_tensor(g, "input", TensorType::kFloat32, {1, 4, 4, 1});
  const int32_t q = add_tensor(g, "input_q", TensorType::kInt8, {1, 4, 4, 1}, {0.5f}, {-1});
  const int32_t w = add_tensor(g, "conv_w", TensorType::kInt8, {2, 3, 3, 1}, {0.25f, 0.125f},
                               {0, 0}, 0);
  g.tensors[size_t(w)].set_data(weights(18));
  const int32_t b = add_tensor(g, "conv_b", TensorType::kInt32, {2}, {0.125f, 0.0625f}, {0, 0});
  g.tensors[size_t(b)].set_data(std::vector<int32_t>{10, -20});
  const int32_t c = add_tensor(g, "conv_out", TensorType::kInt8, {1, 2, 2, 2}, {0.75f}, {3});
  const int32_t out = add_tensor(g, "output", TensorType::kFloat32, {1, 2, 2, 2});
  g.operators.push_back(make_op(BuiltinOp::kQuantize, {in}, {q}));
  TfliteOperator conv = make_op(BuiltinOp::kConv2D, {q, w, b}, {c});
  conv.options.conv2d.padding = Padding::kValid;
  conv.options.conv2d.stride_w = 1;
  conv.options.conv2d.stride_h = 1;
  conv.options.conv2d.activation = Activation::kRelu;
  g.operators.push_back(conv);
  g.operators.push_back(make_op(BuiltinOp::kDequantize, {c}, {out}));
  g.inputs = {in};
  g.outputs = {out};
  return g;
}

TfliteGraph all_ops_graph() {
  TfliteGraph g;
  g.subgraph_name = "every_op";
  g.description = "all supported ops";
  const auto i8 = TensorType::kInt8;
  const auto i32 = TensorType::kInt32;
  const int32_t in = add_tensor(g, "in", TensorType::kFloat32, {1, 8, 8, 2});
  const int32_t x0 = add_tensor(g, "x0", i8, {1, 8, 8, 2}, {0.02f}, {-128});
  const int32_t w1 = add_tensor(g, "w1", i8, {4, 3, 3, 2}, {0.1f, 0.2f, 0.3f, 0.4f},
                                {0, 0, 0, 0}, 0);
  g.tensors[size_t(w1)].set_data(weights(72));
  const int32_t b1 = add_tensor(g, "b1", i32, {4}, {0.002f, 0.004f, 0.006f, 0.008f},
                                {0, 0, 0, 0}, 0);
  g.tensors[size_t(b1)].set_data(std::vector<int32_t>{1, -2, 300000, -2147483647});
  const int32_t x1 = add_tensor(g, "x1", i8, {1, 4, 4, 4}, {0.05f}, {-5});
  const int32_t w2 = add_tensor(g, "w2", i8, {1, 3, 3, 4}, {0.5f, 0.25f, 0.125f, 0.0625f},
                                {0, 0, 0, 0}, 3);
  g.tensors[size_t(w2)].set_data(weights(36));
  const int32_t b2 = add_tensor(g, "b2", i32, {4}, {0.025f, 0.0125f, 0.00625f, 0.003125f},
                                {0, 0, 0, 0}, 0);
  g.tensors[size_t(b2)].set_data(std::vector<int32_t>{-7, 8, -9, 10});
  const int32_t x2 = add_tensor(g, "x2", i8, {1, 4, 4, 4}, {0.06f}, {7});
  const int32_t x3 = add_tensor(g, "x3", i8, {1, 2, 2, 4}, {0.06f}, {7});
  const int32_t x4 = add_tensor(g, "x4", i8, {1, 1, 1, 4}, {0.06f}, {7});
  const int32_t x5 = add_tensor(g, "x5", i8, {1, 1, 1, 4}, {0.12f}, {-128});
  const int32_t x6 = add_tensor(g, "x6", i8, {1, 1, 1, 4}, {0.2f}, {-128});
  const int32_t pads = add_tensor(g, "paddings", i32, {4, 2});
  g.tensors[size_t(pads)].set_data(std::vector<int32_t>{0, 0, 1, 1, 1, 1, 0, 0});
  const int32_t x7 = add_tensor(g, "x7", i8, {1, 3, 3, 4}, {0.2f}, {-128});
  const int32_t axis = add_tensor(g, "axis", i32, {2});
  g.tensors[size_t(axis)].set_data(std::vector<int32_t>{1, 2});
  const int32_t x8 = add_tensor(g, "x8", i8, {1, 1, 1, 4}, {0.2f}, {-128});
  const int32_t shape = add_tensor(g, "shape", i32, {2});
  g.tensors[size_t(shape)].set_data(std::vector<int32_t>{1, 4});
  const int32_t x9 = add_tensor(g, "x9", i8, {1, 4}, {0.2f}, {-128});
  const int32_t w10 = add_tensor(g, "w10", i8, {3, 4}, {0.01f}, {0});
  g.tensors[size_t(w10)].set_data(weights(12));
  const int32_t x10 = add_tensor(g, "x10", i8, {1, 3}, {0.3f}, {1});
  const int32_t x11 = add_tensor(g, "x11", i8, {1, 6}, {0.3f}, {1});
  const int32_t x12 = add_tensor(g, "x12", i8, {1, 6}, {1.0f / 256}, {-128});
  const int32_t x13 = add_tensor(g, "x13", i8, {1, 6}, {1.0f / 256}, {-128});
  const int32_t x14 = add_tensor(g, "x14", i8, {1, 6}, {1.0f / 128}, {0});
  const int32_t out = add_tensor(g, "out", TensorType::kFloat32, {1, 6});

  g.operators.push_back(make_op(BuiltinOp::kQuantize, {in}, {x0}));
  TfliteOperator conv = make_op(BuiltinOp::kConv2D, {x0, w1, b1}, {x1});
  conv.version = 3;
  conv.options.conv2d = {Padding::kSame, Activation::kRelu6, 2, 2, 2, 3};
  g.operators.push_back(conv);
  TfliteOperator dw = make_op(BuiltinOp::kDepthwiseConv2D, {x1, w2, b2}, {x2});
  dw.version = 2;
  dw.options.depthwise = {Padding::kValid, Activation::kRelu, 1, 2, 1, 2, 2};
  g.operators.push_back(dw);
  TfliteOperator max_pool = make_op(BuiltinOp::kMaxPool2D, {x2}, {x3});
  max_pool.options.pool = {Padding::kValid, Activation::kReluN1To1, 2, 2, 2, 2};
  g.operators.push_back(max_pool);
  TfliteOperator avg_pool = make_op(BuiltinOp::kAveragePool2D, {x3}, {x4});
  avg_pool.options.pool = {Padding::kSame, Activation::kNone, 1, 2, 2, 1};
  g.operators.push_back(avg_pool);
  TfliteOperator add = make_op(BuiltinOp::kAdd, {x4, x4}, {x5});
  add.options.arithmetic = {Activation::kRelu6, false};
  g.operators.push_back(add);
  TfliteOperator mul = make_op(BuiltinOp::kMul, {x5, x5}, {x6});
  mul.options.arithmetic.activation = Activation::kRelu;
  g.operators.push_back(mul);
  g.operators.push_back(make_op(BuiltinOp::kPad, {x6, pads}, {x7}));
  TfliteOperator mean = make_op(BuiltinOp::kMean, {x7, axis}, {x8});
  mean.options.reducer.keep_dims = true;
  g.operators.push_back(mean);
  TfliteOperator reshape = make_op(BuiltinOp::kReshape, {x8, shape}, {x9});
  reshape.has_new_shape = true;
  reshape.new_shape = {1, 4};
  g.operators.push_back(reshape);
  TfliteOperator fc = make_op(BuiltinOp::kFullyConnected, {x9, w10, -1}, {x10});
  fc.version = 9;
  fc.options.fully_connected = {Activation::kRelu, 0, true, true};
  g.operators.push_back(fc);
  TfliteOperator concat = make_op(BuiltinOp::kConcatenation, {x10, x10}, {x11});
  concat.options.concatenation = {-1, Activation::kRelu};
  g.operators.push_back(concat);
  TfliteOperator softmax = make_op(BuiltinOp::kSoftmax, {x11}, {x12});
  softmax.options.softmax.beta = 1.5f;
  g.operators.push_back(softmax);
  g.operators.push_back(make_op(BuiltinOp::kLogistic, {x12}, {x13}));
  g.operators.push_back(make_op(BuiltinOp::kTanh, {x13}, {x14}));
  g.operators.push_back(make_op(BuiltinOp::kDequantize, {x14}, {out}));
  g.inputs = {in};
  g.outputs = {out};
  return g;
}

}  // namespace tinysim::test
