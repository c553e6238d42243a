// Builtin op code -> kernel: the one list of what the interpreter can run.
#include "interpreter/ops/ops.h"

namespace tinyrt {

const OpKernel* find_kernel(int32_t builtin_code) {
  static const OpKernel* const kKernels[] = {
      &kConv2DKernel,
      &kDepthwiseConv2DKernel,
      &kFullyConnectedKernel,
      &kReshapeKernel,        &kAveragePool2DKernel, &kMaxPool2DKernel, &kAddKernel,
      &kMulKernel,            &kSoftmaxKernel,       &kLogisticKernel,  &kTanhKernel,
      &kQuantizeKernel,       &kDequantizeKernel,    &kPadKernel,       &kConcatenationKernel,
  };
  for (const OpKernel* k : kKernels)
    if (k->code == builtin_code) return k;
  return nullptr;
}

}  // namespace tinyrt
