// libFuzzer target for tinyrt::Model::open: any bytes must give an error (worded for
// the user by simulator/model) or a model whose every accessor reads inside the input
// (ASan stops the run otherwise).
#include <stddef.h>
#include <stdint.h>

#include <cstring>
#include <vector>

#include "model/model.h"
#include "model/model_error_text.h"

namespace {

template <class T>
uint64_t touch(const tinyrt::ModelArray<T>& a) {
  uint64_t sum = 0;
  for (uint32_t i = 0; i <= a.size(); ++i) {  // one past the end must read as T{}
    const T v = a[i];
    uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof v);
    sum = sum * 31 + bits;
  }
  return sum;
}

/// Reads everything a Model exposes, like an interpreter preparing every op.
uint64_t walk(const tinyrt::Model& m) {
  uint64_t sum = std::strlen(m.description()) + std::strlen(m.subgraph_name());
  sum += touch(m.inputs()) + touch(m.outputs());
  for (uint32_t i = 0; i <= m.tensor_count(); ++i) {
    const tinyrt::TensorInfo t = m.tensor(i);
    sum += std::strlen(t.name) + t.bytes() + touch(t.shape) + touch(t.quant.scale) +
           touch(t.quant.zero_point);
    for (size_t k = 0; k < t.data_size; ++k) sum += t.data[k];
  }
  for (uint32_t i = 0; i <= m.operator_count(); ++i) {
    const tinyrt::OperatorInfo op = m.op(i);
    sum += uint64_t(op.builtin_code) + touch(op.inputs) + touch(op.outputs) +
           touch(op.options.reshape.new_shape);
  }
  for (uint32_t i = 0; i <= m.buffer_count(); ++i) {
    const uint8_t* data = nullptr;
    size_t size = 0;
    if (m.buffer(i, &data, &size)) {
      for (size_t k = 0; k < size; ++k) sum += data[k];
    }
  }
  return sum;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // An exactly sized, 16-byte aligned copy: flash images are aligned, and a read
  // one byte past the end hits ASan's redzone.
  std::vector<uint8_t> copy(data, data + size);
  tinyrt::Model model;
  tinyrt::ModelError error;
  if (tinyrt::Model::open(copy.data(), copy.size(), &model, &error)) {
    volatile uint64_t sink = walk(model);
    (void)sink;
  } else if (error.ok() || error.offset > size || error.size != size) {
    __builtin_trap();  // a rejection must say why, at a position inside the input of this size
  } else if (tinysim::model_error_text(error).empty()) {
    __builtin_trap();  // and the user's message is worded for every status and part
  }
  return 0;
}
