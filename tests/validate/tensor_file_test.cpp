// Tensor files against a model tensor: .npy, .bin and .csv read into raw bytes with
// shape and type checks, float32 quantised, and written back (round trips).
#include <gtest/gtest.h>

#include <cstring>

#include "io/npy_file.h"
#include "io/tensor_file.h"
#include "validate_test_util.h"

namespace tinysim {
namespace {

using test::as_bytes;
using test::write_bytes;

TensorSummary input_tensor() { return test::hand_checked_summary().inputs[0]; }
TensorSummary output_tensor() { return test::hand_checked_summary().outputs[0]; }

NpyArray npy(ElementType type, std::vector<int64_t> shape, std::vector<uint8_t> data) {
  NpyArray a;
  a.type = type;
  a.shape = std::move(shape);
  a.data = std::move(data);
  return a;
}

std::vector<uint8_t> floats(const std::vector<float>& v) {
  std::vector<uint8_t> b(v.size() * 4);
  std::memcpy(b.data(), v.data(), b.size());
  return b;
}

TEST(TensorFile, NpyWithTheTensorsShapeOrABatchDimension) {
  const std::string dir = test::scratch_dir("npy_shapes");
  const TensorSummary x = input_tensor();
  for (const std::vector<int64_t>& shape : {std::vector<int64_t>{1, 4}, {4}, {1, 1, 4}}) {
    write_bytes(dir + "/one.npy", format_npy(npy(ElementType::kInt8, shape, as_bytes(test::kInputs[0]))));
    auto v = read_tensor_file(dir + "/one.npy", "input", x);
    ASSERT_TRUE(v) << v.error().describe();
    ASSERT_EQ(v->size(), 1u);
    EXPECT_EQ(v->at(0), as_bytes(test::kInputs[0]));
  }
  std::vector<uint8_t> all;
  for (const auto& in : test::kInputs) all.insert(all.end(), in.begin(), in.end());
  for (const std::vector<int64_t>& shape : {std::vector<int64_t>{4, 4}, {4, 1, 4}}) {
    write_bytes(dir + "/batch.npy", format_npy(npy(ElementType::kInt8, shape, all)));
    auto v = read_tensor_file(dir + "/batch.npy", "input", x);
    ASSERT_TRUE(v) << v.error().describe();
    ASSERT_EQ(v->size(), 4u);
    for (size_t i = 0; i < 4; ++i) EXPECT_EQ(v->at(i), as_bytes(test::kInputs[i]));
  }
}

TEST(TensorFile, Float32IsQuantisedWithTheTensorsScaleAndZeroPoint) {
  const std::string dir = test::scratch_dir("npy_float");
  // scale 0.5, zero point -1: q = round(real / 0.5) - 1, clamped to int8; 0.25 / 0.5 = 0.5
  // rounds away from zero to 1, -0.25 to -1.
  write_bytes(dir + "/real.npy", format_npy(npy(ElementType::kFloat32, {1, 4}, floats({2.0f, 0.25f, -0.25f, 500.0f}))));
  auto v = read_tensor_file(dir + "/real.npy", "input", input_tensor());
  ASSERT_TRUE(v) << v.error().describe();
  EXPECT_EQ(v->at(0), as_bytes({3, 0, -2, 127}));
}

TEST(TensorFile, WrongShapeOrTypeSaysWhatTheTensorExpects) {
  const std::string dir = test::scratch_dir("npy_wrong");
  write_bytes(dir + "/five.npy", format_npy(npy(ElementType::kInt8, {1, 5}, std::vector<uint8_t>(5))));
  auto shape = read_tensor_file(dir + "/five.npy", "input", input_tensor());
  ASSERT_FALSE(shape);
  EXPECT_EQ(shape.error().describe(),
            dir + "/five.npy: shape (1, 5) does not match input 'x' int8 [1x4] (4 bytes per inference): expected "
                  "that shape, or (N, ...) for N inferences");
  write_bytes(dir + "/wide.npy", format_npy(npy(ElementType::kInt16, {4}, std::vector<uint8_t>(8))));
  auto type = read_tensor_file(dir + "/wide.npy", "input", input_tensor());
  ASSERT_FALSE(type);
  EXPECT_EQ(type.error().describe(),
            dir + "/wide.npy: dtype int16 does not match input 'x' int8 [1x4] (4 bytes per inference): expected int8, "
                  "or float32 to be quantised with scale 0.5, zero point -1");
  write_bytes(dir + "/odd.bin", std::vector<uint8_t>(6));
  auto bin = read_tensor_file(dir + "/odd.bin", "input", input_tensor());
  ASSERT_FALSE(bin);
  EXPECT_EQ(bin.error().describe(), dir + "/odd.bin: holds 6 bytes: input 'x' int8 [1x4] (4 bytes per inference) "
                                          "needs a whole number of 4-byte tensors");
  write_bytes(dir + "/garbage.npy", {1, 2, 3});
  auto garbage = read_tensor_file(dir + "/garbage.npy", "input", input_tensor());
  ASSERT_FALSE(garbage);
  EXPECT_EQ(garbage.error().file, dir + "/garbage.npy");
  EXPECT_EQ(garbage.error().field, "magic");
  auto missing = read_tensor_file(dir + "/none.npy", "input", input_tensor());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().describe(), dir + "/none.npy: cannot open the file");
  auto unknown = read_tensor_file(dir + "/x.txt", "input", input_tensor());
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("expected .npy, .bin or .csv"), std::string::npos);
}

TEST(TensorFile, CsvRowsAreInferencesWithLineAndColumnInErrors) {
  const std::string dir = test::scratch_dir("csv");
  const std::string good = "# x, one inference per row\n3, -1, 0, 7\r\n\n-128,127,10,-5\n";
  write_bytes(dir + "/in.csv", std::vector<uint8_t>(good.begin(), good.end()));
  auto v = read_tensor_file(dir + "/in.csv", "input", input_tensor());
  ASSERT_TRUE(v) << v.error().describe();
  ASSERT_EQ(v->size(), 2u);
  EXPECT_EQ(v->at(0), as_bytes(test::kInputs[0]));
  EXPECT_EQ(v->at(1), as_bytes(test::kInputs[1]));
  const std::string range = "1,2,3,4\n1, 2, 300, 4\n";
  write_bytes(dir + "/range.csv", std::vector<uint8_t>(range.begin(), range.end()));
  auto r = read_tensor_file(dir + "/range.csv", "input", input_tensor());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().describe(), dir + "/range.csv:2:7: '300': expected a whole number in -128..127 for input 'x' "
                                        "int8 [1x4] (4 bytes per inference)");
  const std::string count = "1,2,3\n";
  write_bytes(dir + "/count.csv", std::vector<uint8_t>(count.begin(), count.end()));
  auto c = read_tensor_file(dir + "/count.csv", "input", input_tensor());
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().describe(),
            dir + "/count.csv:1:1: row has 3 values; input 'x' int8 [1x4] (4 bytes per inference) has 4");
  const std::string word = "1,two,3,4\n";
  write_bytes(dir + "/word.csv", std::vector<uint8_t>(word.begin(), word.end()));
  auto w = read_tensor_file(dir + "/word.csv", "input", input_tensor());
  ASSERT_FALSE(w);
  EXPECT_EQ(w.error().describe(), dir + "/word.csv:1:3: 'two' is not a number");
}

TEST(TensorFile, WrittenOutputsReadBackIdentically) {
  const std::string dir = test::scratch_dir("roundtrip");
  const TensorSummary scores = output_tensor();
  std::vector<TensorBytes> values;
  for (const auto& s : test::kScores) values.push_back(as_bytes(s));
  for (const char* name : {"/out.npy", "/out.bin", "/out.csv"}) {
    ASSERT_FALSE(write_tensor_file(dir + name, scores, values, false)) << name;
    auto back = read_tensor_file(dir + name, "output", scores);
    ASSERT_TRUE(back) << back.error().describe();
    EXPECT_EQ(back.value(), values) << name;
  }
  auto array = parse_npy(test::read_bytes(dir + "/out.npy"), "out.npy");
  ASSERT_TRUE(array);
  EXPECT_EQ(array->shape, (std::vector<int64_t>{4, 1, 3})) << "a batch dimension before the tensor's shape";
  const std::vector<uint8_t> csv = test::read_bytes(dir + "/out.csv");
  EXPECT_EQ(std::string(csv.begin(), csv.end()), "-10,-18,-1\n127,123,-128\n15,-15,5\n-109,-15,-57\n");
}

TEST(TensorFile, DequantisedOutputsAreFloat32RealValuesThatQuantiseBack) {
  const std::string dir = test::scratch_dir("dequantize");
  const TensorSummary scores = output_tensor();
  ASSERT_FALSE(write_tensor_file(dir + "/real.npy", scores, {as_bytes(test::kScores[0])}, true));
  auto array = parse_npy(test::read_bytes(dir + "/real.npy"), "real.npy");
  ASSERT_TRUE(array);
  EXPECT_EQ(array->type, ElementType::kFloat32);
  EXPECT_EQ(array->shape, (std::vector<int64_t>{1, 3}));
  // scale 0.125, zero point 5: -10 -> -1.875, -18 -> -2.875, -1 -> -0.75.
  EXPECT_EQ(array->data, floats({-1.875f, -2.875f, -0.75f}));
  auto back = read_tensor_file(dir + "/real.npy", "output", scores);
  ASSERT_TRUE(back) << back.error().describe();
  EXPECT_EQ(back->at(0), as_bytes(test::kScores[0]));
  ASSERT_FALSE(write_tensor_file(dir + "/real.csv", scores, {as_bytes(test::kScores[0])}, true));
  const std::vector<uint8_t> csv = test::read_bytes(dir + "/real.csv");
  EXPECT_EQ(std::string(csv.begin(), csv.end()), "-1.875,-2.875,-0.75\n");
}

TEST(TensorFile, ADirectoryIsReadInNameOrder) {
  const std::string dir = test::scratch_dir("directory");
  write_bytes(dir + "/b.bin", as_bytes(test::kInputs[1]));
  write_bytes(dir + "/a.npy", format_npy(npy(ElementType::kInt8, {1, 4}, as_bytes(test::kInputs[0]))));
  write_bytes(dir + "/notes.txt", {'h', 'i'});
  auto v = read_tensor_path(dir, "input", input_tensor());
  ASSERT_TRUE(v) << v.error().describe();
  ASSERT_EQ(v->size(), 2u);
  EXPECT_EQ(v->at(0), as_bytes(test::kInputs[0]));
  EXPECT_EQ(v->at(1), as_bytes(test::kInputs[1]));
}

}  // namespace
}  // namespace tinysim
