// write_tflite → Model::open gives back the same graph, field by field.
#include <gtest/gtest.h>

#include <cstring>

#include "model/model.h"
#include "model/tflite_writer.h"
#include "model_test_util.h"

namespace tinysim::test {
namespace {

using tinyrt::Model;
using tinyrt::ModelError;

Model open_or_fail(const std::vector<uint8_t>& bytes) {
  Model m;
  ModelError error;
  char text[200] = "";
  if (!Model::open(bytes.data(), bytes.size(), &m, &error)) {
    tinyrt::format_model_error(error, text, sizeof text);
    ADD_FAILURE() << text;
  }
  return m;
}

TEST(WriterRoundTrip, EveryOpAndOptionComesBackIdentical) {
  const TfliteGraph graph = all_ops_graph();
  const std::vector<uint8_t> bytes = write_or_fail(graph);
  const Model m = open_or_fail(bytes);
  ASSERT_EQ(m.operator_count(), 16u);
  expect_same_graph(graph, graph_from_model(m));
  for (uint32_t i = 0; i < m.operator_count(); ++i) {
    const tinyrt::OperatorInfo op = m.op(i);
    EXPECT_EQ(op.options.type, tinyrt::expected_options_type(op.builtin_code)) << i;
  }
  // Operator codes are deduplicated by (code, version): 16 ops, 16 distinct codes.
  EXPECT_EQ(m.operator_code_count(), 16u);
  walk_model(m);
}

TEST(WriterRoundTrip, HeaderIdentifierVersionAndSentinelBuffer) {
  const std::vector<uint8_t> bytes = write_or_fail(small_graph());
  ASSERT_GE(bytes.size(), 8u);
  EXPECT_EQ(std::memcmp(bytes.data() + 4, "TFL3", 4), 0);
  EXPECT_EQ(bytes.size() % 4, 0u);
  const Model m = open_or_fail(bytes);
  EXPECT_EQ(m.version(), 3u);
  EXPECT_STREQ(m.description(), "small");
  const uint8_t* data = nullptr;
  size_t size = 1;
  ASSERT_TRUE(m.buffer(0, &data, &size));
  EXPECT_EQ(data, nullptr);
  EXPECT_EQ(size, 0u);
  EXPECT_EQ(m.buffer_count(), 3u);  // sentinel + weights + bias
}

TEST(WriterRoundTrip, ConstantDataIs16ByteAlignedInTheFile) {
  const std::vector<uint8_t> bytes = write_or_fail(all_ops_graph());
  const Model m = open_or_fail(bytes);
  int constants = 0;
  for (uint32_t i = 0; i < m.tensor_count(); ++i) {
    const tinyrt::TensorInfo t = m.tensor(i);
    if (!t.is_constant()) continue;
    ++constants;
    EXPECT_EQ((t.data - m.data()) % 16, 0) << t.name;
  }
  EXPECT_EQ(constants, 8);
}

TEST(WriterRoundTrip, ExternalBuffersViaOffsetAndSize) {
  TfliteWriteOptions options;
  options.external_buffers = true;
  const TfliteGraph graph = all_ops_graph();
  const std::vector<uint8_t> bytes = write_or_fail(graph, options);
  const Model m = open_or_fail(bytes);
  expect_same_graph(graph, graph_from_model(m));
  const tinyrt::TensorInfo w = m.tensor(2);
  ASSERT_TRUE(w.is_constant());
  EXPECT_EQ((w.data - m.data()) % 16, 0);
  // Buffer.offset mode: no length prefix in front of the data, unlike Buffer.data.
  const std::vector<uint8_t> inline_bytes = write_or_fail(graph);
  EXPECT_GT(w.data - m.data(), 0);
  walk_model(m);
  // The external data sits after the flatbuffer part: in the last 72+36+... bytes.
  EXPECT_GT(size_t(w.data - m.data()), inline_bytes.size() - 400);
}

TEST(WriterRoundTrip, MinRuntimeVersionMetadataAddsABuffer) {
  TfliteWriteOptions options;
  options.min_runtime_version = "1.14.0";
  const std::vector<uint8_t> bytes = write_or_fail(small_graph(), options);
  const Model m = open_or_fail(bytes);
  ASSERT_EQ(m.buffer_count(), 4u);
  const uint8_t* data = nullptr;
  size_t size = 0;
  ASSERT_TRUE(m.buffer(3, &data, &size));
  ASSERT_EQ(size, 16u);
  EXPECT_STREQ(reinterpret_cast<const char*>(data), "1.14.0");
}

TEST(WriterRoundTrip, DeterministicBytes) {
  EXPECT_EQ(write_or_fail(all_ops_graph()), write_or_fail(all_ops_graph()));
}

TEST(WriterRoundTrip, ScalarTensorAndOptionalBiasAndVariable) {
  TfliteGraph g = small_graph();
  g.tensors[1].shape = {};  // rank 0
  g.tensors[4].is_variable = true;
  g.operators[1].inputs[2] = -1;
  const std::vector<uint8_t> bytes = write_or_fail(g);  // must outlive the Model
  const Model m = open_or_fail(bytes);
  expect_same_graph(g, graph_from_model(m));
  EXPECT_EQ(m.tensor(1).element_count(), 1u);
  EXPECT_EQ(m.op(1).inputs[2], -1);
}

TEST(WriterErrors, NameTheInconsistentField) {
  TfliteGraph g = small_graph();
  g.operators[1].inputs[1] = 42;
  Result<std::vector<uint8_t>> r = write_tflite(g);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "operators[1].inputs[1]");

  g = small_graph();
  g.tensors[2].data.pop_back();
  r = write_tflite(g);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "tensors[2].data");
  EXPECT_EQ(r.error().message, "expected 18 bytes for the shape, got 17");

  g = small_graph();
  g.tensors[2].quantization.zero_point.pop_back();
  r = write_tflite(g);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "tensors[2].quantization");
}

}  // namespace
}  // namespace tinysim::test
