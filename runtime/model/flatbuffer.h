#pragma once
// A small bounds-checked FlatBuffers reader over bytes in place (no copies, no heap).
// Every position it hands out has been checked against the buffer size; the first
// failed check is recorded in a ModelError with the field name and byte offset.
#include <stddef.h>
#include <stdint.h>

#include "model/model_error.h"

namespace tinyrt {
namespace fb {

/// Little-endian loads that never assume alignment (Cortex-M0+ faults on unaligned LDR).
inline uint16_t load_u16(const uint8_t* p) { return uint16_t(p[0] | (p[1] << 8)); }
inline uint32_t load_u32(const uint8_t* p) {
  return uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24);
}
inline uint64_t load_u64(const uint8_t* p) {
  return uint64_t(load_u32(p)) | (uint64_t(load_u32(p + 4)) << 32);
}
inline int32_t load_i32(const uint8_t* p) { return int32_t(load_u32(p)); }
inline int64_t load_i64(const uint8_t* p) { return int64_t(load_u64(p)); }
inline float load_f32(const uint8_t* p) {
  const uint32_t bits = load_u32(p);
  float value;
  __builtin_memcpy(&value, &bits, sizeof value);
  return value;
}

/// A checked table: its position and its vtable's.
struct Table {
  uint32_t pos = 0;          ///< table start (holds the soffset to the vtable)
  uint32_t vtable = 0;       ///< vtable start
  uint16_t vtable_size = 0;  ///< vtable bytes, header included
  uint16_t inline_size = 0;  ///< bytes of the table's inline part
};

/// A checked vector: position of element 0 and element count.
struct Vec {
  uint32_t first = 0;
  uint32_t count = 0;
};

/// Bounds-checked reads over one flatbuffer. Methods return false after recording
/// the first failure; an absent optional field is not a failure.
class Reader {
 public:
  Reader(const uint8_t* data, size_t size, ModelError* error)
      : data_(data), size_(size), error_(error) {}

  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }

  /// Checks the 8-byte header (root offset, file identifier) and the root table.
  bool root(const char identifier[4], Table* out);
  /// Checks the table at pos and its vtable; `from` is where the uoffset to it sits
  /// (reported when pos itself is outside the model).
  bool table_at(uint64_t pos, uint32_t from, const char* field, Table* out);

  /// Position of field id's inline value of `width` bytes; 0 when absent.
  bool field(const Table& t, uint16_t id, uint32_t width, const char* name, uint32_t* pos);

  bool u8(const Table& t, uint16_t id, uint8_t fallback, const char* name, uint8_t* out);
  bool i32(const Table& t, uint16_t id, int32_t fallback, const char* name, int32_t* out);
  bool u32(const Table& t, uint16_t id, uint32_t fallback, const char* name, uint32_t* out);
  bool u64(const Table& t, uint16_t id, uint64_t fallback, const char* name, uint64_t* out);
  bool f32(const Table& t, uint16_t id, float fallback, const char* name, float* out);

  /// Sub-table at offset field id; *present false (and true returned) when absent.
  bool table(const Table& t, uint16_t id, const char* name, Table* out, bool* present);
  /// Vector of elem_size-byte elements; an absent vector reads as empty.
  bool vec(const Table& t, uint16_t id, uint32_t elem_size, const char* name, Vec* out,
           bool* present = nullptr);
  /// Zero-terminated string; an absent one reads as empty (count 0).
  bool string(const Table& t, uint16_t id, const char* name, Vec* out, bool* present = nullptr);
  /// Element i of a vector of tables.
  bool table_in(const Vec& v, uint32_t i, const char* name, Table* out);

  /// Records a failure (the first one wins) and returns false.
  bool fail(ModelStatus status, const char* field, uint64_t offset, int64_t value = 0,
            const char* name = "");
  /// The same for a structure check, saying which structure was being read.
  bool fail_read(ModelPart part, ModelStatus status, const char* field, uint64_t offset,
                 int64_t value);
  /// Element index (tensor, operator) attached to failures from now on.
  void set_index(int32_t index) { index_ = index; }

 private:
  bool has(uint64_t pos, uint64_t len) const { return pos <= size_ && len <= size_ - pos; }
  bool follow(uint32_t field_pos, const char* name, uint64_t* target);

  const uint8_t* data_;
  size_t size_;
  ModelError* error_;
  int32_t index_ = -1;
};

}  // namespace fb
}  // namespace tinyrt
