#pragma once
// NumPy .npy files (format versions 1.0, 2.0 and 3.0): little-endian int8, uint8,
// int16, int32 and float32 arrays in C order, the exchange format of Python tooling.
// Fortran order, big-endian and object arrays are refused with the reason.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "io/element_type.h"

namespace tinysim {

struct NpyArray {
  ElementType type = ElementType::kInt8;
  std::vector<int64_t> shape;  ///< empty: a scalar (one element)
  std::vector<uint8_t> data;   ///< elements in C order, little-endian

  uint64_t elements() const;
};

/// Parses a whole .npy file; errors name `file`, the header field and its column.
Result<NpyArray> parse_npy(const std::vector<uint8_t>& bytes, const std::string& file);
/// The file's bytes: version 1.0, or 2.0 when the header needs more than 64 KiB.
std::vector<uint8_t> format_npy(const NpyArray& array);

}  // namespace tinysim
