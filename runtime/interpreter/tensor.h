#pragma once
// A tensor as the interpreter runs it: where its bytes are (flash for constants,
// the arena for activations), its shape and its quantisation.
#include <stdint.h>

#include "kernels/types.h"
#include "model/model.h"

namespace tinyrt {

struct Tensor {
  uint8_t* data = nullptr;   ///< constants point into the model (never written)
  uint32_t bytes = 0;
  TensorType type = TensorType::kInt8;
  uint8_t rank = 0;
  int32_t dims[kMaxTensorRank] = {};
  QuantParams quant = {1.0f, 0};   ///< per-tensor (channel 0 when per-channel)
  FloatArray channel_scales;       ///< all scales as stored (1 or per channel)
  bool constant = false;

  int32_t dim(int i) const { return i < rank ? dims[i] : 1; }
  /// The shape as NHWC, right-aligned: [a, b] is {1, 1, a, b}.
  Shape4D shape4d() const;
  uint32_t elements() const;
  template <class T>
  T* as() const { return reinterpret_cast<T*>(data); }
};

}  // namespace tinyrt
