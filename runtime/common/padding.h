#pragma once
// TFLite's Padding enum (schema.fbs `enum Padding : byte { SAME, VALID }`), shared by
// the model reader and the kernels so both speak the same type.
#include <stdint.h>

namespace tinyrt {
enum class Padding : uint8_t { kSame = 0, kValid = 1 };
}  // namespace tinyrt
