// Decimal text of a number without printf, for the test firmwares' output.
#ifndef TINYSIM_DECIMAL_TEXT_H
#define TINYSIM_DECIMAL_TEXT_H

#include <stdint.h>

/// Writes `value` in decimal into `text` (12 bytes) and returns where it starts.
static inline const char* uint_text(uint32_t value, char text[12]) {
  int at = 11;
  text[at] = 0;
  do {
    text[--at] = (char)('0' + value % 10u);
    value /= 10u;
  } while (value);
  return text + at;
}

/// The same for a signed value.
static inline const char* int_text(int32_t value, char text[12]) {
  char* start = (char*)uint_text(value < 0 ? 0u - (uint32_t)value : (uint32_t)value, text);
  if (value < 0) *--start = '-';
  return start;
}

#endif
