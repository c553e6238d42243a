// The writer's files follow the FlatBuffers layout rules a strict verifier checks:
// tables and vectors 4-byte aligned, vtables 2-byte aligned, 8-byte scalars and long
// vectors 8-byte aligned, Buffer.data 16-byte aligned, every uoffset forward. Walked
// here with plain byte reads, independently of runtime/model; the real models (made
// by TensorFlow's own FlatBuffers builder) pass the same walk.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "model_test_util.h"

namespace tinysim::test {
namespace {

class LayoutWalk {
 public:
  explicit LayoutWalk(const std::vector<uint8_t>& b) : b_(b) {}

  uint32_t u32(uint32_t p) const {
    return b_[p] | b_[p + 1] << 8 | b_[p + 2] << 16 | uint32_t(b_[p + 3]) << 24;
  }
  uint16_t u16(uint32_t p) const { return uint16_t(b_[p] | b_[p + 1] << 8); }

  /// Follows the uoffset at slot, checking it points forward and inside.
  uint32_t follow(uint32_t slot) {
    const uint32_t off = u32(slot);
    EXPECT_GT(off, 0u) << "slot " << slot;
    EXPECT_LT(uint64_t(slot) + off, b_.size()) << "slot " << slot;
    return slot + off;
  }
  /// Checks a table's and its vtable's alignment; returns the table position.
  uint32_t table(uint32_t pos) {
    EXPECT_EQ(pos % 4, 0u) << "table " << pos;
    const uint32_t vtable = uint32_t(int64_t(pos) - int32_t(u32(pos)));
    EXPECT_EQ(vtable % 2, 0u) << "vtable " << vtable;
    EXPECT_GE(u16(vtable), 4u);
    ++tables;
    return pos;
  }
  /// Position of field id, 0 when absent; checks its alignment to `size`.
  uint32_t field(uint32_t t, uint16_t id, uint32_t size) {
    const uint32_t vtable = uint32_t(int64_t(t) - int32_t(u32(t)));
    if (4u + 2u * id >= u16(vtable)) return 0;
    const uint16_t off = u16(vtable + 4 + 2 * id);
    if (off == 0) return 0;
    EXPECT_EQ((t + off) % size, 0u) << "field " << id << " of table " << t;
    return t + off;
  }
  /// Vector behind field id: returns (first element, count) with alignment checks.
  std::pair<uint32_t, uint32_t> vec(uint32_t t, uint16_t id, uint32_t elem_align) {
    const uint32_t f = field(t, id, 4);
    if (f == 0) return {0, 0};
    const uint32_t v = follow(f);
    EXPECT_EQ(v % 4, 0u) << "vector " << v;
    EXPECT_EQ((v + 4) % elem_align, 0u) << "vector data " << v + 4;
    ++vectors;
    return {v + 4, u32(v)};
  }
  uint32_t sub_table(uint32_t t, uint16_t id) {
    const uint32_t f = field(t, id, 4);
    return f == 0 ? 0 : table(follow(f));
  }

  int tables = 0;
  int vectors = 0;

 private:
  const std::vector<uint8_t>& b_;
};

/// Walks Model → codes, subgraphs (tensors, quantization, operators, options), buffers.
void check_layout(const std::vector<uint8_t>& bytes, uint32_t data_align) {
  ASSERT_GE(bytes.size(), 8u);
  LayoutWalk w(bytes);
  const uint32_t model = w.table(w.follow(0));
  auto [codes, ncodes] = w.vec(model, 1, 4);
  for (uint32_t i = 0; i < ncodes; ++i) w.table(w.follow(codes + 4 * i));
  auto [subgraphs, nsub] = w.vec(model, 2, 4);
  for (uint32_t s = 0; s < nsub; ++s) {
    const uint32_t sg = w.table(w.follow(subgraphs + 4 * s));
    auto [tensors, ntensors] = w.vec(sg, 0, 4);
    for (uint32_t i = 0; i < ntensors; ++i) {
      const uint32_t t = w.table(w.follow(tensors + 4 * i));
      w.vec(t, 0, 4);
      w.vec(t, 3, 1);
      if (const uint32_t q = w.sub_table(t, 4)) {
        w.vec(q, 2, 4);
        w.vec(q, 3, 8);  // zero_point:[long]
      }
    }
    auto [ops, nops] = w.vec(sg, 3, 4);
    for (uint32_t i = 0; i < nops; ++i) {
      const uint32_t op = w.table(w.follow(ops + 4 * i));
      w.vec(op, 1, 4);
      w.vec(op, 2, 4);
      w.sub_table(op, 4);
    }
  }
  auto [buffers, nbuf] = w.vec(model, 4, 4);
  for (uint32_t i = 0; i < nbuf; ++i) {
    const uint32_t buf = w.table(w.follow(buffers + 4 * i));
    w.vec(buf, 0, data_align);
    w.field(buf, 1, 8);  // offset:ulong
    w.field(buf, 2, 8);  // size:ulong
  }
  EXPECT_GT(w.tables, 3);
  EXPECT_GT(w.vectors, 3);
}

TEST(WriterLayout, WrittenModelsFollowTheAlignmentRules) {
  check_layout(write_or_fail(small_graph()), 16);
  check_layout(write_or_fail(all_ops_graph()), 16);
  TfliteWriteOptions options;
  options.external_buffers = true;
  options.min_runtime_version = "1.14.0";
  check_layout(write_or_fail(all_ops_graph(), options), 16);
}

TEST(WriterLayout, RealModelsPassTheSameWalk) {
  for (const char* name : {"tflm_hello_world_int8.tflite", "tflm_micro_speech_quantized.tflite",
                           "mlperf_tiny_pretrainedResnet_quant.tflite"}) {
    SCOPED_TRACE(name);
    const std::string path = shared_model_path(name);
    ASSERT_FALSE(path.empty()) << "reference models not found: expected " << TINYSIM_SHARED_DIR
                               << "/models";
    // These converters predate Buffer.data's force_align: 16; 4 is what they give.
    check_layout(read_file(path), 4);
  }
}

}  // namespace
}  // namespace tinysim::test
