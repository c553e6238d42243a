// AVERAGE_POOL_2D and MAX_POOL_2D: .tflite operator -> kernels/pooling.h.
#include "interpreter/ops/ops.h"
#include "kernels/pooling.h"

namespace tinyrt {
namespace {

bool prepare(PrepareContext& ctx) {
  Tensor* in = ctx.input(0);
  Tensor* out = ctx.output(0);
  if (!ctx.expect_type(in, TensorType::kInt8, "input") || !ctx.expect_type(out, TensorType::kInt8, "output"))
    return false;
  const Pool2DOptions& o = ctx.info.options.pool;
  PoolOptions options{o.padding, o.stride_h, o.stride_w, o.filter_h, o.filter_w, FusedActivation::kNone};
  if (!to_fused_activation(o.activation, &options.activation))
    return ctx.fail(RunStatus::kModelUnsupported, "fused activation");
  auto* params = ctx.allocate<PoolParams>();
  if (!params) return false;
  const KernelStatus s = pool_s8_prepare(options, in->shape4d(), in->quant, out->shape4d(), out->quant, params);
  if (s != KernelStatus::kOk) return ctx.fail_kernel(static_cast<int32_t>(s));
  ctx.node.params = params;
  return true;
}

void eval_average(const OpNode& n, const Tensor* t) {
  average_pool_s8(*static_cast<const PoolParams*>(n.params), t[n.inputs[0]].as<int8_t>(), t[n.outputs[0]].as<int8_t>());
}

void eval_max(const OpNode& n, const Tensor* t) {
  max_pool_s8(*static_cast<const PoolParams*>(n.params), t[n.inputs[0]].as<int8_t>(), t[n.outputs[0]].as<int8_t>());
}

}  // namespace

const OpKernel kAveragePool2DKernel{static_cast<int32_t>(BuiltinOp::kAveragePool2D), prepare, eval_average};
const OpKernel kMaxPool2DKernel{static_cast<int32_t>(BuiltinOp::kMaxPool2D), prepare, eval_max};

}  // namespace tinyrt
