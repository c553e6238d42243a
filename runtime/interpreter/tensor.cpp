#include "interpreter/tensor.h"

namespace tinyrt {

Shape4D Tensor::shape4d() const {
  int32_t d[4] = {1, 1, 1, 1};
  // Fold leading dimensions beyond four into the batch.
  for (int i = 0; i < rank; ++i) {
    const int slot = 4 - rank + i;
    if (slot <= 0) {
      d[0] *= dims[i];
    } else {
      d[slot] = dims[i];
    }
  }
  return Shape4D{d[0], d[1], d[2], d[3]};
}

uint32_t Tensor::elements() const {
  uint32_t n = 1;
  for (int i = 0; i < rank; ++i) n *= static_cast<uint32_t>(dims[i]);
  return n;
}

}  // namespace tinyrt
