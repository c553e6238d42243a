// The real reference models in ../shared/models (see its README) parse with their
// known op lists, tensor counts and exact quantization values. The exact values
// were cross-checked with flatc (FlatBuffers' own compiler) decoding the files with
// TFLite's schema.fbs; the raw-byte checks below use the FlatBuffers layout directly.
#include <gtest/gtest.h>

#include <cstring>
#include <map>
#include <string>

#include "model/model.h"
#include "model/op_names.h"
#include "model_test_util.h"

namespace tinysim::test {
namespace {

using tinyrt::Model;
using tinyrt::ModelError;

/// Loads ../shared/models/<name> and opens it; FAILs (never skips) when absent.
struct LoadedModel {
  std::vector<uint8_t> bytes;
  Model model;
};

::testing::AssertionResult load(const std::string& name, LoadedModel* out) {
  const std::string path = shared_model_path(name);
  if (path.empty()) {
    return ::testing::AssertionFailure()
           << "reference models not found: expected " << TINYSIM_SHARED_DIR
           << "/models (the shared/ folder beside the repository)";
  }
  out->bytes = read_file(path);
  if (out->bytes.empty()) return ::testing::AssertionFailure() << "cannot read " << path;
  ModelError error;
  if (!Model::open(out->bytes.data(), out->bytes.size(), &out->model, &error)) {
    char text[200];
    tinyrt::format_model_error(error, text, sizeof text);
    return ::testing::AssertionFailure() << name << ": " << text;
  }
  return ::testing::AssertionSuccess();
}

std::map<std::string, int> op_histogram(const Model& m) {
  std::map<std::string, int> ops;
  for (uint32_t i = 0; i < m.operator_count(); ++i) ++ops[tinyrt::builtin_op_name(m.op(i).builtin_code)];
  return ops;
}

std::vector<int32_t> shape_of(const tinyrt::TensorInfo& t) {
  std::vector<int32_t> s;
  for (uint32_t i = 0; i < t.shape.size(); ++i) s.push_back(t.shape[i]);
  return s;
}

uint32_t raw_u32(const uint8_t* p) { return p[0] | p[1] << 8 | p[2] << 16 | uint32_t(p[3]) << 24; }

/// FlatBuffers layout, read independently of the reader: a vector's length sits in
/// the 4 bytes before its first element; a string's too, with a zero after it.
void expect_raw_layout(const tinyrt::TensorInfo& t) {
  if (t.data != nullptr) {
    EXPECT_EQ(raw_u32(t.data - 4), t.data_size) << t.name;
  }
  const auto* name = reinterpret_cast<const uint8_t*>(t.name);
  EXPECT_EQ(raw_u32(name - 4), std::strlen(t.name)) << t.name;
}

struct Expected {
  const char* file;
  uint32_t tensors;
  std::map<std::string, int> ops;
  std::vector<int32_t> input_shape;
  std::vector<int32_t> output_shape;
};

const Expected kModels[] = {
    {"mlperf_tiny_kws_ref_model.tflite", 35,
     {{"CONV_2D", 5}, {"DEPTHWISE_CONV_2D", 4}, {"AVERAGE_POOL_2D", 1}, {"RESHAPE", 1},
      {"FULLY_CONNECTED", 1}, {"SOFTMAX", 1}},
     {1, 49, 10, 1}, {1, 12}},
    {"mlperf_tiny_vww_96_int8.tflite", 89,
     {{"CONV_2D", 14}, {"DEPTHWISE_CONV_2D", 13}, {"AVERAGE_POOL_2D", 1}, {"RESHAPE", 1},
      {"FULLY_CONNECTED", 1}, {"SOFTMAX", 1}},
     {1, 96, 96, 3}, {1, 2}},
    {"mlperf_tiny_pretrainedResnet_quant.tflite", 38,
     {{"CONV_2D", 9}, {"ADD", 3}, {"AVERAGE_POOL_2D", 1}, {"RESHAPE", 1},
      {"FULLY_CONNECTED", 1}, {"SOFTMAX", 1}},
     {1, 32, 32, 3}, {1, 10}},
    {"mlperf_tiny_ad01_int8.tflite", 31, {{"FULLY_CONNECTED", 10}}, {1, 640}, {1, 640}},
    {"tflm_hello_world_int8.tflite", 10, {{"FULLY_CONNECTED", 3}}, {1, 1}, {1, 1}},
    {"tflm_micro_speech_quantized.tflite", 10,
     {{"DEPTHWISE_CONV_2D", 1}, {"FULLY_CONNECTED", 1}, {"RESHAPE", 1}, {"SOFTMAX", 1}},
     {1, 1960}, {1, 4}},
};

TEST(RealModels, EachParsesWithItsOpListAndTensorCount) {
  for (const Expected& e : kModels) {
    SCOPED_TRACE(e.file);
    LoadedModel lm;
    ASSERT_TRUE(load(e.file, &lm));
    const Model& m = lm.model;
    EXPECT_EQ(m.version(), 3u);
    EXPECT_EQ(m.tensor_count(), e.tensors);
    EXPECT_EQ(op_histogram(m), e.ops);
    ASSERT_EQ(m.inputs().size(), 1u);
    ASSERT_EQ(m.outputs().size(), 1u);
    EXPECT_EQ(shape_of(m.tensor(uint32_t(m.inputs()[0]))), e.input_shape);
    EXPECT_EQ(shape_of(m.tensor(uint32_t(m.outputs()[0]))), e.output_shape);
    for (uint32_t i = 0; i < m.tensor_count(); ++i) expect_raw_layout(m.tensor(i));
    walk_model(m);
  }
}

TEST(RealModels, ResNetQuantizationAndOptionsExact) {
  LoadedModel lm;
  ASSERT_TRUE(load("mlperf_tiny_pretrainedResnet_quant.tflite", &lm));
  const Model& m = lm.model;
  EXPECT_STREQ(m.description(), "MLIR Converted.");
  EXPECT_STREQ(m.subgraph_name(), "main");
  const tinyrt::TensorInfo in = m.tensor(0);
  EXPECT_STREQ(in.name, "input_1_int8");
  EXPECT_EQ(in.type, tinyrt::TensorType::kInt8);
  EXPECT_EQ(in.quant.scale[0], 1.0f);
  EXPECT_EQ(in.quant.zero_point[0], -128);
  const tinyrt::TensorInfo out = m.tensor(37);
  EXPECT_STREQ(out.name, "Identity_int8");
  EXPECT_EQ(out.quant.scale[0], 0x1p-8f);
  EXPECT_EQ(out.quant.zero_point[0], -128);
  // First conv's weights: per-channel along dimension 0, 16 output channels.
  const tinyrt::TensorInfo w = m.tensor(8);
  EXPECT_STREQ(w.name, "model/conv2d/Conv2D");
  EXPECT_EQ(shape_of(w), (std::vector<int32_t>{16, 3, 3, 3}));
  EXPECT_EQ(w.data_size, 432u);
  EXPECT_EQ(w.data - lm.bytes.data(), 77652);
  EXPECT_EQ(int8_t(w.data[0]), 25);
  EXPECT_EQ(int8_t(w.data[1]), 33);
  ASSERT_EQ(w.quant.count(), 16u);
  EXPECT_EQ(w.quant.quantized_dimension, 0);
  EXPECT_EQ(w.quant.scale[0], 0x1.756754p-14f);
  EXPECT_EQ(w.quant.scale[1], 0x1.d89564p-16f);
  EXPECT_EQ(w.quant.scale[2], 0x1.2660f6p-14f);
  // Its bias: int32, scale = input scale x weight scale per channel.
  const tinyrt::TensorInfo b = m.tensor(3);
  EXPECT_EQ(b.type, tinyrt::TensorType::kInt32);
  EXPECT_EQ(b.data_size, 64u);
  EXPECT_EQ(b.quant.scale[1], 0x1.d89564p-16f);
  // Operators: conv 0 is 3x3 stride 1 SAME + RELU; the average pool is 8x8 VALID.
  const tinyrt::OperatorInfo conv = m.op(0);
  EXPECT_EQ(conv.op(), tinyrt::BuiltinOp::kConv2D);
  EXPECT_EQ(conv.version, 3);
  EXPECT_EQ(conv.options.type, tinyrt::OptionsType::kConv2D);
  EXPECT_EQ(conv.options.conv2d.padding, tinyrt::Padding::kSame);
  EXPECT_EQ(conv.options.conv2d.stride_w, 1);
  EXPECT_EQ(conv.options.conv2d.stride_h, 1);
  EXPECT_EQ(conv.options.conv2d.dilation_w, 1);
  EXPECT_EQ(conv.options.conv2d.activation, tinyrt::Activation::kRelu);
  EXPECT_EQ(conv.inputs.size(), 3u);
  EXPECT_EQ(conv.inputs[0], 0);
  EXPECT_EQ(conv.inputs[1], 8);
  EXPECT_EQ(conv.inputs[2], 3);
  EXPECT_EQ(conv.outputs[0], 22);
  const tinyrt::OperatorInfo pool = m.op(12);
  EXPECT_EQ(pool.op(), tinyrt::BuiltinOp::kAveragePool2D);
  EXPECT_EQ(pool.options.pool.padding, tinyrt::Padding::kValid);
  EXPECT_EQ(pool.options.pool.filter_w, 8);
  EXPECT_EQ(pool.options.pool.filter_h, 8);
  EXPECT_EQ(pool.options.pool.stride_w, 8);
  EXPECT_EQ(m.op(13).options.type, tinyrt::OptionsType::kNone);  // RESHAPE shape from input 1
  EXPECT_EQ(m.op(15).options.softmax.beta, 1.0f);
}

TEST(RealModels, MicroSpeechPerChannelOnLastDimensionAndReshapeOptions) {
  LoadedModel lm;
  ASSERT_TRUE(load("tflm_micro_speech_quantized.tflite", &lm));
  const Model& m = lm.model;
  EXPECT_STREQ(m.description(), "TOCO Converted.");
  const tinyrt::TensorInfo w = m.tensor(8);
  EXPECT_STREQ(w.name, "first_weights/read");
  EXPECT_EQ(shape_of(w), (std::vector<int32_t>{1, 10, 8, 8}));
  EXPECT_EQ(w.quant.quantized_dimension, 3);
  ASSERT_EQ(w.quant.count(), 8u);
  EXPECT_EQ(w.quant.scale[0], 0x1.463c22p-11f);
  EXPECT_EQ(w.data - lm.bytes.data(), 224);
  const tinyrt::OperatorInfo reshape = m.op(0);
  EXPECT_EQ(reshape.op(), tinyrt::BuiltinOp::kReshape);
  ASSERT_TRUE(reshape.options.reshape.has_new_shape);
  ASSERT_EQ(reshape.options.reshape.new_shape.size(), 4u);
  EXPECT_EQ(reshape.options.reshape.new_shape[0], -1);
  EXPECT_EQ(reshape.options.reshape.new_shape[1], 49);
  const tinyrt::OperatorInfo dw = m.op(1);
  EXPECT_EQ(dw.op(), tinyrt::BuiltinOp::kDepthwiseConv2D);
  EXPECT_EQ(dw.options.depthwise.depth_multiplier, 8);
  EXPECT_EQ(dw.options.depthwise.stride_w, 2);
  EXPECT_EQ(dw.options.depthwise.activation, tinyrt::Activation::kRelu);
  EXPECT_EQ(m.tensor(9).quant.scale[0], 0x1p-8f);
}

TEST(RealModels, HelloWorldAndKeywordSpottingExact) {
  LoadedModel hw;
  ASSERT_TRUE(load("tflm_hello_world_int8.tflite", &hw));
  EXPECT_STREQ(hw.model.tensor(0).name, "serving_default_dense_input:0");
  EXPECT_EQ(hw.model.tensor(0).quant.scale[0], 0x1.91150cp-6f);
  EXPECT_EQ(hw.model.tensor(9).quant.scale[0], 0x1.0fad96p-7f);
  EXPECT_EQ(hw.model.tensor(9).quant.zero_point[0], 5);
  EXPECT_EQ(hw.model.op(0).options.fully_connected.activation, tinyrt::Activation::kRelu);
  EXPECT_EQ(hw.model.op(0).version, 4);
  const tinyrt::TensorInfo w = hw.model.tensor(6);
  EXPECT_EQ(w.data - hw.bytes.data(), 512);
  EXPECT_EQ(int8_t(w.data[0]), -9);
  EXPECT_EQ(int8_t(w.data[1]), -54);

  LoadedModel kws;
  ASSERT_TRUE(load("mlperf_tiny_kws_ref_model.tflite", &kws));
  EXPECT_EQ(kws.model.tensor(0).quant.scale[0], 0x1.2b5e2ep-1f);
  EXPECT_EQ(kws.model.tensor(0).quant.zero_point[0], 83);
  EXPECT_EQ(kws.model.tensor(17).quant.count(), 64u);
  EXPECT_EQ(kws.model.op(0).options.conv2d.stride_w, 2);
  EXPECT_EQ(kws.model.operator_code_count(), 6u);
}

TEST(RealModels, RewrittenByTheWriterReadBackIdentical) {
  for (const Expected& e : kModels) {
    SCOPED_TRACE(e.file);
    LoadedModel lm;
    ASSERT_TRUE(load(e.file, &lm));
    const TfliteGraph original = graph_from_model(lm.model);
    const std::vector<uint8_t> bytes = write_or_fail(original);
    Model again;
    ModelError error;
    ASSERT_TRUE(Model::open(bytes.data(), bytes.size(), &again, &error))
        << tinyrt::model_status_name(error.status) << " " << error.field;
    expect_same_graph(original, graph_from_model(again));
    walk_model(again);
  }
}

}  // namespace
}  // namespace tinysim::test
