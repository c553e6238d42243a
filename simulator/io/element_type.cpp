#include "io/element_type.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace tinysim {
namespace {

struct TypeInfo {
  ElementType type;
  const char* name;
  size_t bytes;
  double lowest;
  double highest;
};

constexpr TypeInfo kTypes[] = {
    {ElementType::kInt8, "int8", 1, -128, 127},
    {ElementType::kUInt8, "uint8", 1, 0, 255},
    {ElementType::kInt16, "int16", 2, -32768, 32767},
    {ElementType::kInt32, "int32", 4, -2147483648.0, 2147483647.0},
    {ElementType::kFloat32, "float32", 4, -FLT_MAX, FLT_MAX},
};

const TypeInfo& info(ElementType type) {
  for (const TypeInfo& t : kTypes)
    if (t.type == type) return t;
  return kTypes[0];
}

template <class T>
double load(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return static_cast<double>(v);
}

template <class T>
void store(uint8_t* p, double v) {
  const T t = static_cast<T>(v);
  std::memcpy(p, &t, sizeof t);
}

}  // namespace

size_t element_bytes(ElementType type) { return info(type).bytes; }
const char* element_type_name(ElementType type) { return info(type).name; }
bool is_integer(ElementType type) { return type != ElementType::kFloat32; }
double lowest_value(ElementType type) { return info(type).lowest; }
double highest_value(ElementType type) { return info(type).highest; }

std::string value_text(double value, ElementType type) {
  if (is_integer(type)) return std::to_string(static_cast<int64_t>(value));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", value);
  return buf;
}

std::optional<ElementType> element_type_named(const std::string& name) {
  for (const TypeInfo& t : kTypes)
    if (name == t.name) return t.type;
  return std::nullopt;
}

std::vector<double> decode_elements(const std::vector<uint8_t>& bytes, ElementType type) {
  const size_t size = element_bytes(type);
  std::vector<double> values(bytes.size() / size);
  for (size_t i = 0; i < values.size(); ++i) {
    const uint8_t* p = bytes.data() + i * size;
    switch (type) {
      case ElementType::kInt8: values[i] = load<int8_t>(p); break;
      case ElementType::kUInt8: values[i] = load<uint8_t>(p); break;
      case ElementType::kInt16: values[i] = load<int16_t>(p); break;
      case ElementType::kInt32: values[i] = load<int32_t>(p); break;
      case ElementType::kFloat32: values[i] = load<float>(p); break;
    }
  }
  return values;
}

std::vector<uint8_t> encode_elements(const std::vector<double>& values, ElementType type) {
  const size_t size = element_bytes(type);
  std::vector<uint8_t> bytes(values.size() * size);
  for (size_t i = 0; i < values.size(); ++i) {
    uint8_t* p = bytes.data() + i * size;
    // NaN has no integer value: 0 (callers reject NaN inputs before they get here).
    const double v = !is_integer(type) ? values[i]
                     : std::isnan(values[i]) ? 0.0
                                             : std::clamp(std::round(values[i]), lowest_value(type), highest_value(type));
    switch (type) {
      case ElementType::kInt8: store<int8_t>(p, v); break;
      case ElementType::kUInt8: store<uint8_t>(p, v); break;
      case ElementType::kInt16: store<int16_t>(p, v); break;
      case ElementType::kInt32: store<int32_t>(p, v); break;
      case ElementType::kFloat32: store<float>(p, v); break;
    }
  }
  return bytes;
}

}  // namespace tinysim
