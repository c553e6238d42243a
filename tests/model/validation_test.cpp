// Model::open rejects what the runtime cannot run, saying what and where.
#include <gtest/gtest.h>

#include <cstring>

#include "model/model.h"
#include "model/op_names.h"
#include "model_test_util.h"

namespace tinysim::test {
namespace {

using tinyrt::Model;
using tinyrt::ModelError;
using tinyrt::ModelStatus;

ModelError open_error(const std::vector<uint8_t>& bytes) {
  Model m;
  ModelError error;
  EXPECT_FALSE(Model::open(bytes.data(), bytes.size(), &m, &error));
  EXPECT_EQ(m.tensor_count(), 0u) << "a rejected model must leave *model empty";
  return error;
}

TEST(Validation, SmallGraphOpens) {
  const std::vector<uint8_t> bytes = write_or_fail(small_graph());
  Model m;
  ModelError error;
  ASSERT_TRUE(Model::open(bytes.data(), bytes.size(), &m, &error));
  EXPECT_TRUE(error.ok());
  EXPECT_EQ(m.tensor_count(), 6u);
  EXPECT_EQ(m.operator_count(), 3u);
}

TEST(Validation, NullAndTinyInputs) {
  Model m;
  ModelError error;
  EXPECT_FALSE(Model::open(nullptr, 100, &m, &error));
  EXPECT_EQ(error.status, ModelStatus::kTooSmall);
  const uint8_t four[4] = {8, 0, 0, 0};
  EXPECT_FALSE(Model::open(four, sizeof four, &m, nullptr));  // error is optional
}

TEST(Validation, WrongIdentifier) {
  std::vector<uint8_t> bytes = write_or_fail(small_graph());
  std::memcpy(bytes.data() + 4, "TFL2", 4);
  const ModelError e = open_error(bytes);
  EXPECT_EQ(e.status, ModelStatus::kBadIdentifier);
  EXPECT_STREQ(e.field, "file_identifier");
  EXPECT_EQ(e.offset, 4u);
}

TEST(Validation, WrongSchemaVersion) {
  TfliteWriteOptions options;
  options.schema_version = 2;
  const ModelError e = open_error(write_or_fail(small_graph(), options));
  EXPECT_EQ(e.status, ModelStatus::kBadVersion);
  EXPECT_STREQ(e.field, "Model.version");
  EXPECT_EQ(e.value, 2);
}

TEST(Validation, TwoSubgraphs) {
  TfliteWriteOptions options;
  options.subgraph_copies = 2;
  const ModelError e = open_error(write_or_fail(small_graph(), options));
  EXPECT_EQ(e.status, ModelStatus::kBadSubgraphCount);
  EXPECT_EQ(e.value, 2);
}

TEST(Validation, UnsupportedOpNamedWithItsIndex) {
  TfliteGraph g = small_graph();
  g.operators[2].builtin_code = 8;  // FLOOR
  const ModelError e = open_error(write_or_fail(g));
  EXPECT_EQ(e.status, ModelStatus::kUnsupportedOp);
  EXPECT_STREQ(e.name, "FLOOR");
  EXPECT_EQ(e.index, 2);
  EXPECT_EQ(e.value, 8);
  char text[160];
  tinyrt::format_model_error(e, text, sizeof text);
  EXPECT_EQ(std::string(text).rfind("unsupported_op: OperatorCode.builtin_code [2] at offset ", 0),
            0u)
      << text;
  EXPECT_NE(std::string(text).find("(value 8) FLOOR"), std::string::npos) << text;
}

TEST(Validation, ExtendedBuiltinCodeAbove127) {
  TfliteGraph g = small_graph();
  g.operators[2].builtin_code = 150;  // GELU: deprecated byte holds 127, int32 field 150
  const ModelError e = open_error(write_or_fail(g));
  EXPECT_EQ(e.status, ModelStatus::kUnsupportedOp);
  EXPECT_STREQ(e.name, "GELU");
  EXPECT_STREQ(tinyrt::builtin_op_name(126), "BATCH_MATMUL");
  EXPECT_STREQ(tinyrt::builtin_op_name(205), "REDUCE_WINDOW");
  EXPECT_STREQ(tinyrt::builtin_op_name(999), "UNKNOWN");
}

TEST(Validation, FloatOnlyIntoQuantizeAndOutOfDequantize) {
  TfliteGraph g = small_graph();
  g.operators[1].inputs[0] = 0;  // CONV_2D reading the float32 input
  ModelError e = open_error(write_or_fail(g));
  EXPECT_EQ(e.status, ModelStatus::kUnsupportedType);
  EXPECT_STREQ(e.field, "Operator.inputs");
  EXPECT_EQ(e.index, 1);
  EXPECT_EQ(e.value, 0);

  g = small_graph();
  g.operators[1].outputs[0] = 5;  // CONV_2D writing a float32 tensor
  e = open_error(write_or_fail(g));
  EXPECT_EQ(e.status, ModelStatus::kUnsupportedType);
  EXPECT_STREQ(e.field, "Operator.outputs");
}

TEST(Validation, UnsupportedTensorTypeAndNonConstantInt32) {
  TfliteGraph g = small_graph();
  g.tensors[4].type = tinyrt::TensorType::kInt16;
  ModelError e = open_error(write_or_fail(g));
  EXPECT_EQ(e.status, ModelStatus::kUnsupportedType);
  EXPECT_STREQ(e.field, "Tensor.type");
  EXPECT_EQ(e.index, 4);
  EXPECT_EQ(e.value, 7);

  g = small_graph();
  g.tensors[4].type = tinyrt::TensorType::kInt32;  // an int32 activation
  e = open_error(write_or_fail(g));
  EXPECT_EQ(e.status, ModelStatus::kUnsupportedType);
  EXPECT_STREQ(e.field, "Operator.outputs");
}

TEST(Validation, QuantizationChecks) {
  TfliteGraph g = small_graph();
  g.tensors[2].quantization.scale = {0.25f, 0.125f, 1.0f};  // 3 channels, dim 0 has 2
  g.tensors[2].quantization.zero_point = {0, 0, 0};
  ModelError e = open_error(write_or_fail(g));
  EXPECT_EQ(e.status, ModelStatus::kBadQuantization);
  EXPECT_STREQ(e.field, "Tensor.quantization.quantized_dimension");
  EXPECT_EQ(e.index, 2);

  g = small_graph();
  g.tensors[4].quantization = {};  // int8 activation without scale
  e = open_error(write_or_fail(g));
  EXPECT_EQ(e.status, ModelStatus::kBadQuantization);
  EXPECT_STREQ(e.field, "Tensor.quantization.scale");

  g = small_graph();
  g.tensors[4].quantization.zero_point = {200};
  e = open_error(write_or_fail(g));
  EXPECT_EQ(e.status, ModelStatus::kBadQuantization);
  EXPECT_EQ(e.value, 200);

  g = small_graph();
  g.tensors[4].quantization.scale = {0.0f};
  e = open_error(write_or_fail(g));
  EXPECT_EQ(e.status, ModelStatus::kBadQuantization);
}

TEST(Validation, OptionsAndOperands) {
  TfliteGraph g = small_graph();
  g.operators[1].options.conv2d.stride_h = 0;
  ModelError e = open_error(write_or_fail(g));
  EXPECT_EQ(e.status, ModelStatus::kBadOptions);
  EXPECT_EQ(e.index, 1);

  g = small_graph();
  g.operators[1].options.conv2d.activation = tinyrt::Activation::kTanh;
  e = open_error(write_or_fail(g));
  EXPECT_EQ(e.status, ModelStatus::kBadOptions);
  EXPECT_STREQ(e.field, "Conv2DOptions.fused_activation_function");

  g = small_graph();
  g.operators[1].inputs = {1};
  e = open_error(write_or_fail(g));
  EXPECT_EQ(e.status, ModelStatus::kBadOperands);

  g = small_graph();
  g.operators[1].inputs[0] = -1;  // the input itself is not optional
  e = open_error(write_or_fail(g));
  EXPECT_EQ(e.status, ModelStatus::kBadOperands);

  g = small_graph();
  g.operators[1].write_options = false;  // CONV_2D without options: strides 0
  e = open_error(write_or_fail(g));
  EXPECT_EQ(e.status, ModelStatus::kBadOptions);
}

TEST(Validation, RawPatchedTensorIndexAndBufferSize) {
  std::vector<uint8_t> bytes = write_or_fail(small_graph());
  Model m;
  ASSERT_TRUE(Model::open(bytes.data(), bytes.size(), &m, nullptr));
  // Operator 1's second input, patched in place to tensor 99.
  const size_t at = size_t(m.op(1).inputs.bytes() - bytes.data()) + 4;
  bytes[at] = 99;
  ModelError e = open_error(bytes);
  EXPECT_EQ(e.status, ModelStatus::kBadTensorIndex);
  EXPECT_EQ(e.value, 99);
  EXPECT_EQ(e.index, 1);

  bytes = write_or_fail(small_graph());
  ASSERT_TRUE(Model::open(bytes.data(), bytes.size(), &m, nullptr));
  const size_t data = size_t(m.tensor(2).data - bytes.data());
  bytes[data - 4] = 17;  // Buffer.data length 17 for an 18-byte weight tensor
  e = open_error(bytes);
  EXPECT_EQ(e.status, ModelStatus::kBadBufferSize);
  EXPECT_EQ(e.index, 2);
  EXPECT_EQ(e.offset, data);
}

TEST(Validation, Int32DataMustBeAlignedInMemory) {
  const std::vector<uint8_t> bytes = write_or_fail(small_graph());
  std::vector<uint8_t> shifted(bytes.size() + 1);
  std::memcpy(shifted.data() + 1, bytes.data(), bytes.size());
  Model m;
  ModelError e;
  EXPECT_FALSE(Model::open(shifted.data() + 1, bytes.size(), &m, &e));
  EXPECT_EQ(e.status, ModelStatus::kMisalignedData);
  EXPECT_EQ(e.index, 3);  // the int32 bias
}

TEST(Validation, StatusNamesAreDistinct) {
  for (int a = 0; a <= 19; ++a) {
    for (int b = a + 1; b <= 19; ++b) {
      EXPECT_STRNE(tinyrt::model_status_name(ModelStatus(a)),
                   tinyrt::model_status_name(ModelStatus(b)));
    }
  }
}

}  // namespace
}  // namespace tinysim::test
