#pragma once
// The op kernels the interpreter knows (one per ops/<op>.cpp) and their table.
#include "interpreter/op.h"

namespace tinyrt {

extern const OpKernel kConv2DKernel;
extern const OpKernel kDepthwiseConv2DKernel;
extern const OpKernel kFullyConnectedKernel;
extern const OpKernel kReshapeKernel;
extern const OpKernel kAveragePool2DKernel;
extern const OpKernel kMaxPool2DKernel;
extern const OpKernel kAddKernel;
extern const OpKernel kMulKernel;
extern const OpKernel kSoftmaxKernel;
extern const OpKernel kLogisticKernel;
extern const OpKernel kTanhKernel;
extern const OpKernel kQuantizeKernel;
extern const OpKernel kDequantizeKernel;
extern const OpKernel kPadKernel;
extern const OpKernel kConcatenationKernel;

}  // namespace tinyrt
