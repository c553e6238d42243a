// libFuzzer target for the .npy reader (simulator/io): any bytes must give an error
// naming the file and a field, or an array whose data is exactly its shape's bytes.
#include <stddef.h>
#include <stdint.h>

#include <vector>

#include "io/npy_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::vector<uint8_t> bytes(data, data + size);
  auto array = tinysim::parse_npy(bytes, "fuzz.npy");
  if (array) {
    if (array->data.size() != array->elements() * tinysim::element_bytes(array->type)) __builtin_trap();
  } else if (array.error().file != "fuzz.npy" || array.error().field.empty() || array.error().message.empty()) {
    __builtin_trap();  // a refusal must say where and why
  }
  return 0;
}
