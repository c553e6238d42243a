#pragma once
// One printf-formatted number as a string ("%.2f", 3.14159 -> "3.14"), for reports.
#include <cstdio>
#include <string>

namespace tinysim {

inline std::string format_number(const char* printf_format, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, printf_format, value);
  return buffer;
}

}  // namespace tinysim
