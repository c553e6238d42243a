// The .npy reader and writer: round trips of every element type, the version 2.0
// header, and the files it must refuse with the reason and the field.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "io/npy_file.h"

namespace tinysim {
namespace {

std::vector<uint8_t> npy_bytes(const std::string& header, const std::vector<uint8_t>& data, uint8_t major = 1) {
  std::vector<uint8_t> out = {0x93, 'N', 'U', 'M', 'P', 'Y', major, 0};
  const size_t n = header.size();
  for (size_t i = 0; i < (major == 1 ? 2u : 4u); ++i) out.push_back(static_cast<uint8_t>(n >> (8 * i)));
  out.insert(out.end(), header.begin(), header.end());
  out.insert(out.end(), data.begin(), data.end());
  return out;
}

TEST(NpyFile, EveryTypeRoundTripsWithItsShape) {
  const std::vector<std::pair<ElementType, std::vector<int64_t>>> cases = {
      {ElementType::kInt8, {2, 3}},    {ElementType::kUInt8, {5}},       {ElementType::kInt16, {1, 2, 2}},
      {ElementType::kInt32, {3, 1}},   {ElementType::kFloat32, {2, 2}},  {ElementType::kInt8, {}},
  };
  for (const auto& [type, shape] : cases) {
    NpyArray a;
    a.type = type;
    a.shape = shape;
    a.data.resize(a.elements() * element_bytes(type));
    for (size_t i = 0; i < a.data.size(); ++i) a.data[i] = static_cast<uint8_t>(i * 37 + 5);
    const std::vector<uint8_t> file = format_npy(a);
    EXPECT_EQ((file.size() - a.data.size()) % 64, 0u) << "data starts 64-byte aligned, as numpy writes it";
    auto back = parse_npy(file, "a.npy");
    ASSERT_TRUE(back) << back.error().describe();
    EXPECT_EQ(back->type, type);
    EXPECT_EQ(back->shape, shape);
    EXPECT_EQ(back->data, a.data);
  }
}

TEST(NpyFile, WritesNumpysHeaderText) {
  NpyArray a;
  a.type = ElementType::kInt16;
  a.shape = {4};
  a.data.resize(8);
  const std::vector<uint8_t> file = format_npy(a);
  const std::string header(file.begin() + 10, file.end() - 8);
  EXPECT_EQ(header.rfind("{'descr': '<i2', 'fortran_order': False, 'shape': (4,), }", 0), 0u) << header;
  EXPECT_EQ(header.back(), '\n');
  a.type = ElementType::kInt8;
  a.shape = {2, 2};
  a.data.resize(4);
  const std::vector<uint8_t> f2 = format_npy(a);
  EXPECT_NE(std::string(f2.begin(), f2.end()).find("'descr': '|i1', 'fortran_order': False, 'shape': (2, 2), }"),
            std::string::npos);
}

TEST(NpyFile, ReadsVersion2HeadersAndDoubleQuotes) {
  auto a = parse_npy(npy_bytes("{\"descr\": \"<f4\", \"shape\": (1, 2), \"fortran_order\": False}\n",
                               {0, 0, 0x80, 0x3f, 0, 0, 0, 0x40}, 2),
                     "v2.npy");
  ASSERT_TRUE(a) << a.error().describe();
  EXPECT_EQ(a->type, ElementType::kFloat32);
  EXPECT_EQ(a->shape, (std::vector<int64_t>{1, 2}));
  float v[2];
  std::memcpy(v, a->data.data(), 8);
  EXPECT_EQ(v[0], 1.0f);
  EXPECT_EQ(v[1], 2.0f);
}

TEST(NpyFile, RefusesFortranOrderBigEndianAndObjectArraysNamingTheFile) {
  struct Case {
    std::string header;
    std::string field;
    std::string says;
    int column;
  };
  const std::vector<Case> cases = {
      {"{'descr': '<i2', 'fortran_order': True, 'shape': (2,), }", "header.fortran_order", "Fortran-order", 10 + 35},
      {"{'descr': '>i2', 'fortran_order': False, 'shape': (2,), }", "header.descr", "big-endian dtype '>i2'", 10 + 11},
      {"{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", "header.descr", "object arrays ('|O')", 10 + 11},
      {"{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", "header.descr", "dtype '<f8' is not supported", 21},
      {"{'descr': '<i2', 'fortran_order': False, 'shape': (2, x), }", "header.shape", "expected a non-negative", 10 + 55},
      {"{'descr': '<i2', 'fortran_order': False}", "header", "missing key 'shape'", 0},
  };
  for (const Case& c : cases) {
    auto a = parse_npy(npy_bytes(c.header + "\n", {0, 0, 0, 0}), "bad.npy");
    ASSERT_FALSE(a) << c.header;
    EXPECT_EQ(a.error().file, "bad.npy");
    EXPECT_EQ(a.error().field, c.field) << c.header;
    EXPECT_NE(a.error().message.find(c.says), std::string::npos) << a.error().describe();
    if (c.column) {
      EXPECT_EQ(a.error().column, c.column) << a.error().describe();
    }
  }
}

TEST(NpyFile, RefusesWrongMagicVersionAndDataLength) {
  auto not_npy = parse_npy({'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0}, "zip.npy");
  ASSERT_FALSE(not_npy);
  EXPECT_EQ(not_npy.error().describe(), "zip.npy: magic: not a NumPy .npy file: it must start with \\x93NUMPY");
  auto v9 = parse_npy(npy_bytes("{}", {}, 9), "v9.npy");
  ASSERT_FALSE(v9);
  EXPECT_EQ(v9.error().field, "version");
  auto short_data = parse_npy(npy_bytes("{'descr': '<i2', 'fortran_order': False, 'shape': (3,), }\n", {1, 2, 3, 4}),
                              "short.npy");
  ASSERT_FALSE(short_data);
  EXPECT_EQ(short_data.error().describe(), "short.npy: data: the shape (3) needs 6 data bytes of 2 each, the file holds 4");
  auto huge = parse_npy(
      npy_bytes("{'descr': '<i2', 'fortran_order': False, 'shape': (4294967296, 4294967296, 8), }\n", {1, 2}),
      "huge.npy");
  ASSERT_FALSE(huge);
  EXPECT_EQ(huge.error().describe(), "huge.npy: data: the shape (4294967296 x 4294967296 x 8) needs more than 2^64 data bytes of 2 each, the file holds 2");
  auto cut = parse_npy(npy_bytes("{'descr': '<i2'", {}), "cut.npy");
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().field, "header");
}

}  // namespace
}  // namespace tinysim
