#include "interpreter/status.h"

namespace tinyrt {

MessageWriter& MessageWriter::text(const char* s) {
  while (*s && length_ + 1 < capacity_) out_[length_++] = *s++;
  if (capacity_) out_[length_] = 0;
  return *this;
}

MessageWriter& MessageWriter::number(int64_t v) {
  char digits[21];
  int n = 0;
  uint64_t magnitude = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  do {
    digits[n++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude);
  if (v < 0) text("-");
  char forward[22];
  for (int i = 0; i < n; ++i) forward[i] = digits[n - 1 - i];
  forward[n] = 0;
  return text(forward);
}

}  // namespace tinyrt
