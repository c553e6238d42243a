#pragma once
// One printf-formatted number as a string ("%.2f", 3.14159 -> "3.14"), for reports.
#include <cstdint>
#include <cstdio>
#include <string>

namespace tinysim {

inline std::string format_number(const char* printf_format, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, printf_format, value);
  return buffer;
}

/// "0x0800021c": an address or register as fault messages print it.
inline std::string format_hex32(uint32_t value) {
  char buffer[12];
  std::snprintf(buffer, sizeof buffer, "0x%08x", static_cast<unsigned>(value));
  return buffer;
}

}  // namespace tinysim
