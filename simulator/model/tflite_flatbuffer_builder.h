#pragma once
// A small front-to-back FlatBuffers builder for the .tflite writer: parents are
// written before children and their uoffset slots are linked afterwards, so every
// uoffset points forward as the format requires (vtables sit just before tables).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tinysim {

/// One inline field of a table: a scalar (1, 2, 4 or 8 bytes) or a uoffset slot.
struct FbField {
  uint16_t id = 0;
  uint8_t size = 4;
  uint64_t bits = 0;       ///< little-endian value of a scalar
  bool is_offset = false;  ///< uoffset to a child, linked later
};

/// Where a written table and its fields are, to link children or patch values.
struct FbTable {
  uint32_t pos = 0;
  std::vector<uint32_t> field_pos;  ///< by field id; 0 when the field is absent
  uint32_t at(uint16_t id) const { return id < field_pos.size() ? field_pos[id] : 0; }
};

/// An output buffer that grows front to back.
class FlatBufferBuilder {
 public:
  uint32_t pos() const { return static_cast<uint32_t>(bytes_.size()); }
  /// Pads with zeros until pos() % alignment == 0.
  void align(uint32_t alignment);
  void put(uint64_t bits, uint32_t size);
  void put_bytes(const uint8_t* data, size_t size);
  void patch(uint32_t at, uint64_t bits, uint32_t size);
  /// Stores in the uoffset slot at `slot` the distance to `target` (> slot).
  void link(uint32_t slot, uint32_t target);

  /// Writes the vtable and then the table; fields with equal ids are not allowed.
  FbTable table(std::vector<FbField> fields);
  /// Writes a vector of `count` elements of elem_size bytes whose first element is
  /// aligned to max(4, data_alignment); returns the position of the length prefix.
  uint32_t vector(const void* elements, uint32_t count, uint32_t elem_size,
                  uint32_t data_alignment = 4);
  /// Writes a vector of `count` uoffset slots; returns the position of slot 0.
  uint32_t offset_vector(uint32_t count);
  /// Writes a zero-terminated string; returns the position of its length prefix.
  uint32_t string(const std::string_view& text);

  std::vector<uint8_t>& bytes() { return bytes_; }

 private:
  std::vector<uint8_t> bytes_;
};

/// Field helpers: scalars by type, and offsets.
inline FbField fb_u8(uint16_t id, uint8_t v) { return {id, 1, v, false}; }
inline FbField fb_i32(uint16_t id, int32_t v) { return {id, 4, static_cast<uint32_t>(v), false}; }
inline FbField fb_u32(uint16_t id, uint32_t v) { return {id, 4, v, false}; }
inline FbField fb_u64(uint16_t id, uint64_t v) { return {id, 8, v, false}; }
FbField fb_f32(uint16_t id, float v);
inline FbField fb_offset(uint16_t id) { return {id, 4, 0, true}; }

}  // namespace tinysim
