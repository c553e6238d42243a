// What a user reads about a bad .tflite file: what is wrong in their terms (not a
// TFLite model, truncated or corrupt with the file's size, wrong schema version),
// with the reader's status and byte offsets kept for experts.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "model/model.h"
#include "model/model_error_text.h"
#include "model_test_util.h"

namespace tinysim::test {
namespace {

/// The message summarize_model gives after the file name, for these bytes.
std::string message_for(const std::vector<uint8_t>& bytes) {
  std::vector<uint8_t> copy(bytes);
  tinyrt::Model m;
  tinyrt::ModelError error;
  if (tinyrt::Model::open(copy.data(), copy.size(), &m, &error)) return "opened";
  return model_error_text(error);
}

std::vector<uint8_t> hello_world() {
  const std::vector<uint8_t> bytes = read_file(shared_model_path("tflm_hello_world_int8.tflite"));
  EXPECT_FALSE(bytes.empty()) << "needs ../shared/models";
  return bytes;
}

std::vector<uint8_t> prefix(const std::vector<uint8_t>& bytes, size_t length) {
  return std::vector<uint8_t>(bytes.begin(), bytes.begin() + long(std::min(length, bytes.size())));
}

TEST(ModelErrorText, TruncatedFileNamesItsSizeAndWhatRunsPastTheEnd) {
  // mlperf_tiny_kws_ref_model.tflite (53,936 bytes) keeps operator_codes near its end:
  // the offset at byte 36 points 53,772 bytes on, to byte 53,808.
  const std::vector<uint8_t> kws = read_file(shared_model_path("mlperf_tiny_kws_ref_model.tflite"));
  ASSERT_EQ(kws.size(), 53936u) << "needs ../shared/models";
  for (const auto& [length, size] : {std::pair<size_t, std::string>{100, "100"}, {5000, "5,000"}, {20000, "20,000"}}) {
    EXPECT_EQ(message_for(prefix(kws, length)),
              "truncated or corrupt: Model.operator_codes (an offset at byte 36 to byte 53808) points outside the " +
                  size + "-byte file [out_of_bounds]");
  }
  // tflm_hello_world_int8.tflite: root table at byte 40, operator_codes' offset at 48.
  const std::vector<uint8_t> hello = hello_world();
  ASSERT_EQ(hello.size(), 2704u);
  EXPECT_EQ(message_for(prefix(hello, 40)),
            "truncated or corrupt: Model (a reference at byte 0 to byte 40) points outside the 40-byte file "
            "[out_of_bounds]");
  EXPECT_EQ(message_for(prefix(hello, 1000)),
            "truncated or corrupt: Model.operator_codes (an offset at byte 48 to byte 2668) points outside the "
            "1,000-byte file [out_of_bounds]");
  EXPECT_EQ(message_for(prefix(hello, 2703)),
            "truncated or corrupt: Model.operator_codes [0] (a table of 16 bytes at byte 2688) runs past the end of "
            "the 2,703-byte file [out_of_bounds]");
  EXPECT_EQ(message_for(prefix(hello, 3)),
            "not a TFLite model: the 3-byte file is shorter than the 8-byte FlatBuffer header [too_small]");
}

TEST(ModelErrorText, OtherFilesAreNotTfliteModelsAndShowTheirIdentifier) {
  const std::string yaml = "name: keyword_spotting\ndevice: stm32l4r5zi\n";
  EXPECT_EQ(message_for(std::vector<uint8_t>(yaml.begin(), yaml.end())),
            "not a TFLite model: the FlatBuffer identifier at byte 4 is ': ke', expected 'TFL3' [bad_identifier]");
  // A PNG signature: unprintable bytes are shown as \xNN.
  const std::vector<uint8_t> png = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
  EXPECT_EQ(message_for(png),
            "not a TFLite model: the FlatBuffer identifier at byte 4 is '\\x0D\\x0A\\x1A\\x0A', expected 'TFL3' "
            "[bad_identifier]");
}

TEST(ModelErrorText, WrongSchemaVersionIsNamedWithTheOneExpected) {
  std::vector<uint8_t> hello = hello_world();
  ASSERT_EQ(hello.size(), 2704u);
  ASSERT_EQ(hello[44], 3);  // Model.version: root table at 40, its field at +4
  hello[44] = 2;
  EXPECT_EQ(message_for(hello),
            "unsupported TFLite schema version 2 (Model.version at byte 44), expected 3 [bad_version]");
}

TEST(ModelErrorText, WhatTheReaderAlreadySaysPlainlyKeepsItsWords) {
  // A bad tensor index reads as the reader's own line, its status first and not repeated.
  tinyrt::ModelError error;
  error.status = tinyrt::ModelStatus::kBadTensorIndex;
  error.field = "Operator.inputs";
  error.index = 2;
  error.offset = 300;
  error.value = 17;
  error.size = 1000;
  EXPECT_EQ(model_error_text(error), "bad_tensor_index: Operator.inputs [2] at offset 300 (value 17)");
}

}  // namespace
}  // namespace tinysim::test
