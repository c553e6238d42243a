#pragma once
// The element types tensor files carry, and conversion between a tensor's raw
// little-endian bytes and numbers (quantisation per TFLite: real = scale * (q - zero_point)).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tinysim {

enum class ElementType { kInt8, kUInt8, kInt16, kInt32, kFloat32 };

/// Bytes of one element.
size_t element_bytes(ElementType type);
/// "int8", "uint8", "int16", "int32", "float32" (the names model inspect prints).
const char* element_type_name(ElementType type);
/// The type named so; nullopt for types tensor files do not carry.
std::optional<ElementType> element_type_named(const std::string& name);
bool is_integer(ElementType type);
/// The integer range of the type (float32: +-FLT_MAX).
double lowest_value(ElementType type);
double highest_value(ElementType type);

/// A value as text: whole numbers for integer types, 9 significant digits otherwise.
std::string value_text(double value, ElementType type);

/// Each element of `bytes` as a number.
std::vector<double> decode_elements(const std::vector<uint8_t>& bytes, ElementType type);
/// The bytes of `values`; integers are rounded half away from zero and clamped to the range.
std::vector<uint8_t> encode_elements(const std::vector<double>& values, ElementType type);

}  // namespace tinysim
