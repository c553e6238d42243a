#pragma once
// The op kernels the interpreter knows (one per ops/<op>.cpp) and their table.
#include "interpreter/op.h"

namespace tinyrt {

extern const OpKernel kConv2DKernel;
extern const OpKernel kDepthwiseConv2DKernel;
extern const OpKernel kFullyConnectedKernel;
extern const OpKernel kReshapeKernel;

}  // namespace tinyrt
