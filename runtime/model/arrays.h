#pragma once
// Read-only views of little-endian arrays inside the model (shapes, indices, scales).
#include <stdint.h>

#include "model/flatbuffer.h"

namespace tinyrt {

/// A view of `size` little-endian elements of type T stored in the model; an index
/// past the end reads as T{} (never outside the model).
template <class T>
class ModelArray {
 public:
  ModelArray() = default;
  ModelArray(const uint8_t* first, uint32_t size) : first_(first), size_(size) {}

  uint32_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T operator[](uint32_t i) const { return i < size_ ? load(first_ + sizeof(T) * i) : T{}; }
  /// The elements' bytes in the model (little-endian, possibly unaligned).
  const uint8_t* bytes() const { return first_; }

 private:
  static T load(const uint8_t* p);
  const uint8_t* first_ = nullptr;
  uint32_t size_ = 0;
};

template <>
inline int32_t ModelArray<int32_t>::load(const uint8_t* p) { return fb::load_i32(p); }
template <>
inline int64_t ModelArray<int64_t>::load(const uint8_t* p) { return fb::load_i64(p); }
template <>
inline float ModelArray<float>::load(const uint8_t* p) { return fb::load_f32(p); }

using IntArray = ModelArray<int32_t>;
using Int64Array = ModelArray<int64_t>;
using FloatArray = ModelArray<float>;

}  // namespace tinyrt
