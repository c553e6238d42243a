#include "model_test_util.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <iterator>

#include "model/tflite_writer.h"

namespace tinysim::test {

std::string shared_model_path(const std::string& name) {
  const std::string dir = std::string(TINYSIM_SHARED_DIR) + "/models";
  std::ifstream probe(dir + "/README.md");
  return probe ? dir + "/" + name : std::string();
}

std::vector<uint8_t> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

namespace {

/// True when [p, p + len) lies inside the model's bytes.
bool inside(const tinyrt::Model& m, const uint8_t* p, size_t len) {
  if (len == 0) return true;
  return p >= m.data() && len <= m.size() && size_t(p - m.data()) <= m.size() - len;
}

template <class T>
uint64_t walk_array(const tinyrt::Model& m, const tinyrt::ModelArray<T>& a, const char* what) {
  EXPECT_TRUE(inside(m, a.bytes(), size_t(a.size()) * sizeof(T))) << what;
  uint64_t sum = 0;
  for (uint32_t i = 0; i <= a.size(); ++i) {  // one past the end reads as T{}
    const T v = a[i];
    uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof v);
    sum = sum * 31 + bits;
  }
  return sum;
}

}  // namespace

uint64_t walk_model(const tinyrt::Model& m) {
  uint64_t sum = m.version();
  for (const char* s : {m.description(), m.subgraph_name()}) {
    const size_t n = std::strlen(s);
    if (n > 0) {
      EXPECT_TRUE(inside(m, reinterpret_cast<const uint8_t*>(s), n + 1));
    }
    sum += n;
  }
  sum += walk_array(m, m.inputs(), "inputs") + walk_array(m, m.outputs(), "outputs");
  for (uint32_t i = 0; i <= m.tensor_count(); ++i) {
    const tinyrt::TensorInfo t = m.tensor(i);
    const size_t n = std::strlen(t.name);
    if (n > 0) {
      EXPECT_TRUE(inside(m, reinterpret_cast<const uint8_t*>(t.name), n + 1)) << i;
    }
    EXPECT_TRUE(inside(m, t.data, t.data_size)) << "tensor " << i;
    for (size_t k = 0; k < t.data_size; ++k) sum += t.data[k];
    sum += walk_array(m, t.shape, "shape") + walk_array(m, t.quant.scale, "scale") +
           walk_array(m, t.quant.zero_point, "zero_point") + t.bytes() + uint8_t(t.type);
  }
  for (uint32_t i = 0; i <= m.operator_count(); ++i) {
    const tinyrt::OperatorInfo op = m.op(i);
    sum += uint64_t(op.builtin_code) + walk_array(m, op.inputs, "op inputs") +
           walk_array(m, op.outputs, "op outputs") +
           walk_array(m, op.options.reshape.new_shape, "new_shape");
  }
  for (uint32_t i = 0; i <= m.buffer_count(); ++i) {
    const uint8_t* data = nullptr;
    size_t size = 0;
    if (m.buffer(i, &data, &size)) {
      EXPECT_TRUE(inside(m, data, size)) << "buffer " << i;
    }
  }
  return sum;
}

TfliteGraph graph_from_model(const tinyrt::Model& m) {
  TfliteGraph g;
  g.description = m.description();
  g.subgraph_name = m.subgraph_name();
  for (uint32_t i = 0; i < m.tensor_count(); ++i) {
    const tinyrt::TensorInfo t = m.tensor(i);
    TfliteTensor out;
    out.name = t.name;
    out.type = t.type;
    for (uint32_t k = 0; k < t.shape.size(); ++k) out.shape.push_back(t.shape[k]);
    out.data.assign(t.data, t.data + t.data_size);
    for (uint32_t k = 0; k < t.quant.count(); ++k) {
      out.quantization.scale.push_back(t.quant.scale[k]);
      out.quantization.zero_point.push_back(t.quant.zero_point[k]);
    }
    out.quantization.quantized_dimension = t.quant.quantized_dimension;
    out.is_variable = t.is_variable;
    g.tensors.push_back(std::move(out));
  }
  for (uint32_t i = 0; i < m.operator_count(); ++i) {
    const tinyrt::OperatorInfo op = m.op(i);
    TfliteOperator out;
    out.builtin_code = op.builtin_code;
    out.version = op.version;
    for (uint32_t k = 0; k < op.inputs.size(); ++k) out.inputs.push_back(op.inputs[k]);
    for (uint32_t k = 0; k < op.outputs.size(); ++k) out.outputs.push_back(op.outputs[k]);
    out.options = op.options;
    out.write_options = op.options.type != tinyrt::OptionsType::kNone;
    out.has_new_shape = op.options.reshape.has_new_shape;
    for (uint32_t k = 0; k < op.options.reshape.new_shape.size(); ++k) {
      out.new_shape.push_back(op.options.reshape.new_shape[k]);
    }
    g.operators.push_back(std::move(out));
  }
  for (uint32_t k = 0; k < m.inputs().size(); ++k) g.inputs.push_back(m.inputs()[k]);
  for (uint32_t k = 0; k < m.outputs().size(); ++k) g.outputs.push_back(m.outputs()[k]);
  return g;
}

namespace {

void expect_same_options(const TfliteOperator& e, const TfliteOperator& a) {
  const tinyrt::OpOptions& x = e.options;
  const tinyrt::OpOptions& y = a.options;
  switch (tinyrt::BuiltinOp(e.builtin_code)) {
    case tinyrt::BuiltinOp::kConv2D:
      EXPECT_EQ(x.conv2d.padding, y.conv2d.padding);
      EXPECT_EQ(x.conv2d.activation, y.conv2d.activation);
      EXPECT_EQ(x.conv2d.stride_w, y.conv2d.stride_w);
      EXPECT_EQ(x.conv2d.stride_h, y.conv2d.stride_h);
      EXPECT_EQ(x.conv2d.dilation_w, y.conv2d.dilation_w);
      EXPECT_EQ(x.conv2d.dilation_h, y.conv2d.dilation_h);
      break;
    case tinyrt::BuiltinOp::kDepthwiseConv2D:
      EXPECT_EQ(x.depthwise.padding, y.depthwise.padding);
      EXPECT_EQ(x.depthwise.activation, y.depthwise.activation);
      EXPECT_EQ(x.depthwise.stride_w, y.depthwise.stride_w);
      EXPECT_EQ(x.depthwise.stride_h, y.depthwise.stride_h);
      EXPECT_EQ(x.depthwise.depth_multiplier, y.depthwise.depth_multiplier);
      EXPECT_EQ(x.depthwise.dilation_w, y.depthwise.dilation_w);
      EXPECT_EQ(x.depthwise.dilation_h, y.depthwise.dilation_h);
      break;
    case tinyrt::BuiltinOp::kAveragePool2D:
    case tinyrt::BuiltinOp::kMaxPool2D:
      EXPECT_EQ(x.pool.padding, y.pool.padding);
      EXPECT_EQ(x.pool.activation, y.pool.activation);
      EXPECT_EQ(x.pool.stride_w, y.pool.stride_w);
      EXPECT_EQ(x.pool.stride_h, y.pool.stride_h);
      EXPECT_EQ(x.pool.filter_w, y.pool.filter_w);
      EXPECT_EQ(x.pool.filter_h, y.pool.filter_h);
      break;
    case tinyrt::BuiltinOp::kFullyConnected:
      EXPECT_EQ(x.fully_connected.activation, y.fully_connected.activation);
      EXPECT_EQ(x.fully_connected.weights_format, y.fully_connected.weights_format);
      EXPECT_EQ(x.fully_connected.keep_num_dims, y.fully_connected.keep_num_dims);
      EXPECT_EQ(x.fully_connected.asymmetric_quantize_inputs,
                y.fully_connected.asymmetric_quantize_inputs);
      break;
    case tinyrt::BuiltinOp::kSoftmax: EXPECT_EQ(x.softmax.beta, y.softmax.beta); break;
    case tinyrt::BuiltinOp::kConcatenation:
      EXPECT_EQ(x.concatenation.axis, y.concatenation.axis);
      EXPECT_EQ(x.concatenation.activation, y.concatenation.activation);
      break;
    case tinyrt::BuiltinOp::kAdd:
      EXPECT_EQ(x.arithmetic.pot_scale_int16, y.arithmetic.pot_scale_int16);
      EXPECT_EQ(x.arithmetic.activation, y.arithmetic.activation);
      break;
    case tinyrt::BuiltinOp::kMul: EXPECT_EQ(x.arithmetic.activation, y.arithmetic.activation); break;
    case tinyrt::BuiltinOp::kMean: EXPECT_EQ(x.reducer.keep_dims, y.reducer.keep_dims); break;
    case tinyrt::BuiltinOp::kReshape:
      EXPECT_EQ(e.has_new_shape, a.has_new_shape);
      EXPECT_EQ(e.new_shape, a.new_shape);
      break;
    default: break;
  }
}

}  // namespace

void expect_same_graph(const TfliteGraph& expected, const TfliteGraph& actual) {
  EXPECT_EQ(expected.description, actual.description);
  EXPECT_EQ(expected.subgraph_name, actual.subgraph_name);
  EXPECT_EQ(expected.inputs, actual.inputs);
  EXPECT_EQ(expected.outputs, actual.outputs);
  ASSERT_EQ(expected.tensors.size(), actual.tensors.size());
  for (size_t i = 0; i < expected.tensors.size(); ++i) {
    SCOPED_TRACE("tensor " + std::to_string(i));
    const TfliteTensor& e = expected.tensors[i];
    const TfliteTensor& a = actual.tensors[i];
    EXPECT_EQ(e.name, a.name);
    EXPECT_EQ(e.type, a.type);
    EXPECT_EQ(e.shape, a.shape);
    EXPECT_EQ(e.data, a.data);
    EXPECT_EQ(e.quantization.scale, a.quantization.scale);
    EXPECT_EQ(e.quantization.zero_point, a.quantization.zero_point);
    EXPECT_EQ(e.quantization.quantized_dimension, a.quantization.quantized_dimension);
    EXPECT_EQ(e.is_variable, a.is_variable);
  }
  ASSERT_EQ(expected.operators.size(), actual.operators.size());
  for (size_t i = 0; i < expected.operators.size(); ++i) {
    SCOPED_TRACE("operator " + std::to_string(i));
    const TfliteOperator& e = expected.operators[i];
    const TfliteOperator& a = actual.operators[i];
    EXPECT_EQ(e.builtin_code, a.builtin_code);
    EXPECT_EQ(e.version, a.version);
    EXPECT_EQ(e.inputs, a.inputs);
    EXPECT_EQ(e.outputs, a.outputs);
    expect_same_options(e, a);
  }
}

std::vector<uint8_t> write_or_fail(const TfliteGraph& graph, const TfliteWriteOptions& options) {
  Result<std::vector<uint8_t>> bytes = write_tflite(graph, options);
  EXPECT_TRUE(bytes.ok()) << (bytes.ok() ? "" : bytes.error().describe());
  return bytes.ok() ? bytes.value() : std::vector<uint8_t>();
}

}  // namespace tinysim::test
