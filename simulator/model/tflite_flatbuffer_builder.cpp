#include "model/tflite_flatbuffer_builder.h"

#include <algorithm>
#include <cassert>
#include <cstring>

namespace tinysim {

FbField fb_f32(uint16_t id, float v) {
  uint32_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return {id, 4, bits, false};
}

void FlatBufferBuilder::align(uint32_t alignment) {
  while (bytes_.size() % alignment != 0) bytes_.push_back(0);
}

void FlatBufferBuilder::put(uint64_t bits, uint32_t size) {
  for (uint32_t i = 0; i < size; ++i) bytes_.push_back(static_cast<uint8_t>(bits >> (8 * i)));
}

void FlatBufferBuilder::put_bytes(const uint8_t* data, size_t size) {
  bytes_.insert(bytes_.end(), data, data + size);
}

void FlatBufferBuilder::patch(uint32_t at, uint64_t bits, uint32_t size) {
  assert(at + size <= bytes_.size());
  for (uint32_t i = 0; i < size; ++i) bytes_[at + i] = static_cast<uint8_t>(bits >> (8 * i));
}

void FlatBufferBuilder::link(uint32_t slot, uint32_t target) {
  assert(target > slot);
  patch(slot, target - slot, 4);
}

FbTable FlatBufferBuilder::table(std::vector<FbField> fields) {
  // Lay out the inline part: the 4-byte soffset, then fields largest first so
  // each sits at a multiple of its size (the table start is aligned to the largest).
  std::stable_sort(fields.begin(), fields.end(),
                   [](const FbField& a, const FbField& b) { return a.size > b.size; });
  uint16_t max_id = 0;
  uint32_t table_align = 4;
  for (const FbField& f : fields) {
    max_id = std::max<uint16_t>(max_id, static_cast<uint16_t>(f.id + 1));
    table_align = std::max<uint32_t>(table_align, f.size);
  }
  std::vector<uint16_t> offsets(max_id, 0);
  std::vector<uint32_t> field_offset(fields.size());
  uint32_t end = 4;
  for (size_t i = 0; i < fields.size(); ++i) {
    end = (end + fields[i].size - 1) / fields[i].size * fields[i].size;
    field_offset[i] = end;
    assert(offsets[fields[i].id] == 0);
    offsets[fields[i].id] = static_cast<uint16_t>(end);
    end += fields[i].size;
  }
  // vtable: its size, the table's inline size, one u16 offset per field id.
  align(2);
  const uint32_t vtable = pos();
  put(4u + 2u * max_id, 2);
  put(end, 2);
  for (uint16_t off : offsets) put(off, 2);
  align(table_align);
  FbTable t;
  t.pos = pos();
  t.field_pos.assign(max_id, 0);
  put(t.pos - vtable, 4);  // soffset: vtable = table - soffset
  for (size_t i = 0; i < fields.size(); ++i) {
    while (pos() < t.pos + field_offset[i]) bytes_.push_back(0);
    t.field_pos[fields[i].id] = pos();
    put(fields[i].bits, fields[i].size);
  }
  return t;
}

uint32_t FlatBufferBuilder::vector(const void* elements, uint32_t count, uint32_t elem_size,
                                   uint32_t data_alignment) {
  const uint32_t a = std::max<uint32_t>(4, std::max(data_alignment, elem_size));
  align(4);
  while ((pos() + 4) % a != 0) put(0, 4);
  const uint32_t at = pos();
  put(count, 4);
  if (count > 0) put_bytes(static_cast<const uint8_t*>(elements), size_t(count) * elem_size);
  return at;
}

uint32_t FlatBufferBuilder::offset_vector(uint32_t count) {
  align(4);
  put(count, 4);
  const uint32_t first = pos();
  bytes_.resize(bytes_.size() + size_t(count) * 4, 0);
  return first;
}

uint32_t FlatBufferBuilder::string(const std::string_view& text) {
  align(4);
  const uint32_t at = pos();
  put(static_cast<uint32_t>(text.size()), 4);
  put_bytes(reinterpret_cast<const uint8_t*>(text.data()), text.size());
  bytes_.push_back(0);
  return at;
}

}  // namespace tinysim
