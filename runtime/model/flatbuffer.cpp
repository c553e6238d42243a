#include "model/flatbuffer.h"

namespace tinyrt {
namespace fb {

namespace {
/// FlatBuffers positions are 32-bit: nothing can live at or past 4 GiB.
constexpr uint64_t kMaxPosition = 0xFFFFFFFFull;
}  // namespace

bool Reader::fail(ModelStatus status, const char* field, uint64_t offset, int64_t value,
                  const char* name) {
  if (error_ != nullptr && error_->status == ModelStatus::kOk) {
    error_->status = status;
    error_->field = field;
    error_->offset = offset > kMaxPosition ? uint32_t(kMaxPosition) : uint32_t(offset);
    error_->index = index_;
    error_->value = value;
    error_->name = name;
    error_->size = size_ > kMaxPosition ? uint32_t(kMaxPosition) : uint32_t(size_);
    error_->part = ModelPart::kNone;
  }
  return false;
}

bool Reader::fail_read(ModelPart part, ModelStatus status, const char* field, uint64_t offset,
                       int64_t value) {
  const bool first = error_ != nullptr && error_->status == ModelStatus::kOk;
  fail(status, field, offset, value);
  if (first) error_->part = part;
  return false;
}

bool Reader::root(const char identifier[4], Table* out) {
  if (size_ < 8) return fail(ModelStatus::kTooSmall, "header", 0, int64_t(size_));
  for (int i = 0; i < 4; ++i) {
    if (data_[4 + i] != uint8_t(identifier[i])) {
      return fail(ModelStatus::kBadIdentifier, "file_identifier", 4, load_u32(data_ + 4));
    }
  }
  return table_at(load_u32(data_), 0, "Model", out);
}

bool Reader::table_at(uint64_t pos, uint32_t from, const char* field, Table* out) {
  if (pos > kMaxPosition || !has(pos, 4)) {
    return fail_read(ModelPart::kReference, ModelStatus::kOutOfBounds, field, from, int64_t(pos));
  }
  const int64_t vtable = int64_t(pos) - int64_t(load_i32(data_ + pos));
  if (vtable < 0 || !has(uint64_t(vtable), 4)) {
    return fail_read(ModelPart::kVtableRef, ModelStatus::kOutOfBounds, field, pos, vtable);
  }
  const uint16_t vtable_size = load_u16(data_ + vtable);
  const uint16_t inline_size = load_u16(data_ + vtable + 2);
  if (vtable_size < 4 || (vtable_size & 1u) != 0 || inline_size < 4) {
    return fail_read(ModelPart::kVtable, ModelStatus::kBadVtable, field, uint64_t(vtable), vtable_size);
  }
  if (!has(uint64_t(vtable), vtable_size)) {
    return fail_read(ModelPart::kVtable, ModelStatus::kOutOfBounds, field, uint64_t(vtable), vtable_size);
  }
  if (!has(pos, inline_size)) {
    return fail_read(ModelPart::kTable, ModelStatus::kOutOfBounds, field, pos, inline_size);
  }
  out->pos = uint32_t(pos);
  out->vtable = uint32_t(vtable);
  out->vtable_size = vtable_size;
  out->inline_size = inline_size;
  return true;
}

bool Reader::field(const Table& t, uint16_t id, uint32_t width, const char* name, uint32_t* pos) {
  *pos = 0;
  const uint32_t slot = 4u + 2u * id;
  if (slot + 2u > t.vtable_size) return true;  // vtable predates the field: default
  const uint16_t offset = load_u16(data_ + t.vtable + slot);
  if (offset == 0) return true;
  if (offset < 4u || uint32_t(offset) + width > t.inline_size) {
    return fail_read(ModelPart::kFieldSlot, ModelStatus::kBadVtable, name, t.vtable + slot, offset);
  }
  *pos = t.pos + offset;
  return true;
}

bool Reader::u8(const Table& t, uint16_t id, uint8_t fallback, const char* name, uint8_t* out) {
  uint32_t pos;
  if (!field(t, id, 1, name, &pos)) return false;
  *out = pos != 0 ? data_[pos] : fallback;
  return true;
}

bool Reader::i32(const Table& t, uint16_t id, int32_t fallback, const char* name, int32_t* out) {
  uint32_t pos;
  if (!field(t, id, 4, name, &pos)) return false;
  *out = pos != 0 ? load_i32(data_ + pos) : fallback;
  return true;
}

bool Reader::u32(const Table& t, uint16_t id, uint32_t fallback, const char* name, uint32_t* out) {
  uint32_t pos;
  if (!field(t, id, 4, name, &pos)) return false;
  *out = pos != 0 ? load_u32(data_ + pos) : fallback;
  return true;
}

bool Reader::u64(const Table& t, uint16_t id, uint64_t fallback, const char* name, uint64_t* out) {
  uint32_t pos;
  if (!field(t, id, 8, name, &pos)) return false;
  *out = pos != 0 ? load_u64(data_ + pos) : fallback;
  return true;
}

bool Reader::f32(const Table& t, uint16_t id, float fallback, const char* name, float* out) {
  uint32_t pos;
  if (!field(t, id, 4, name, &pos)) return false;
  *out = pos != 0 ? load_f32(data_ + pos) : fallback;
  return true;
}

bool Reader::follow(uint32_t field_pos, const char* name, uint64_t* target) {
  const uint32_t offset = load_u32(data_ + field_pos);
  *target = uint64_t(field_pos) + offset;
  if (offset == 0 || *target > kMaxPosition || *target >= size_) {
    return fail_read(ModelPart::kOffset, ModelStatus::kOutOfBounds, name, field_pos, offset);
  }
  return true;
}

bool Reader::table(const Table& t, uint16_t id, const char* name, Table* out, bool* present) {
  *present = false;
  uint32_t pos;
  if (!field(t, id, 4, name, &pos)) return false;
  if (pos == 0) return true;
  uint64_t target;
  if (!follow(pos, name, &target) || !table_at(target, pos, name, out)) return false;
  *present = true;
  return true;
}

bool Reader::vec(const Table& t, uint16_t id, uint32_t elem_size, const char* name, Vec* out,
                 bool* present) {
  *out = Vec{};
  if (present != nullptr) *present = false;
  uint32_t pos;
  if (!field(t, id, 4, name, &pos)) return false;
  if (pos == 0) return true;
  uint64_t target;
  if (!follow(pos, name, &target)) return false;
  if (!has(target, 4)) {
    return fail_read(ModelPart::kReference, ModelStatus::kOutOfBounds, name, pos, int64_t(target));
  }
  const uint32_t count = load_u32(data_ + target);
  if (!has(target + 4, uint64_t(count) * elem_size)) {
    return fail_read(ModelPart::kVector, ModelStatus::kOutOfBounds, name, target, count);
  }
  out->first = uint32_t(target + 4);
  out->count = count;
  if (present != nullptr) *present = true;
  return true;
}

bool Reader::string(const Table& t, uint16_t id, const char* name, Vec* out, bool* present) {
  if (!vec(t, id, 1, name, out, present)) return false;
  if (out->first == 0) return true;
  const uint64_t end = uint64_t(out->first) + out->count;
  if (!has(end, 1)) {
    return fail_read(ModelPart::kString, ModelStatus::kOutOfBounds, name, out->first - 4u, out->count);
  }
  if (data_[end] != 0) {
    return fail_read(ModelPart::kString, ModelStatus::kUnterminatedString, name, end, data_[end]);
  }
  return true;
}

bool Reader::table_in(const Vec& v, uint32_t i, const char* name, Table* out) {
  if (i >= v.count) return fail_read(ModelPart::kElement, ModelStatus::kOutOfBounds, name, v.first, i);
  const uint32_t slot = v.first + 4u * i;
  uint64_t target;
  return follow(slot, name, &target) && table_at(target, slot, name, out);
}

}  // namespace fb
}  // namespace tinyrt
