// ADD and MUL (with broadcasting): .tflite operator -> kernels/add.h, mul.h.
#include "interpreter/ops/ops.h"
#include "kernels/add.h"
#include "kernels/mul.h"

namespace tinyrt {
namespace {

template <class Params, KernelStatus (*PrepareFn)(FusedActivation, const Shape4D&, const QuantParams&,
                                                   const Shape4D&, const QuantParams&, const Shape4D&,
                                                   const QuantParams&, Params*)>
bool prepare(PrepareContext& ctx) {
  Tensor* a = ctx.input(0);
  Tensor* b = ctx.input(1);
  Tensor* out = ctx.output(0);
  if (!ctx.expect_type(a, TensorType::kInt8, "input 1") || !ctx.expect_type(b, TensorType::kInt8, "input 2") ||
      !ctx.expect_type(out, TensorType::kInt8, "output"))
    return false;
  if (a->rank > 4 || b->rank > 4 || out->rank > 4)
    return ctx.fail(RunStatus::kModelUnsupported, "more than 4 dimensions");
  FusedActivation activation;
  if (!to_fused_activation(ctx.info.options.arithmetic.activation, &activation))
    return ctx.fail(RunStatus::kModelUnsupported, "fused activation");
  auto* params = ctx.allocate<Params>();
  if (!params) return false;
  const KernelStatus s =
      PrepareFn(activation, a->shape4d(), a->quant, b->shape4d(), b->quant, out->shape4d(), out->quant, params);
  if (s != KernelStatus::kOk) return ctx.fail_kernel(static_cast<int32_t>(s));
  ctx.node.params = params;
  return true;
}

void eval_add(const OpNode& n, const Tensor* t) {
  add_s8(*static_cast<const AddParams*>(n.params), t[n.inputs[0]].as<int8_t>(), t[n.inputs[1]].as<int8_t>(),
         t[n.outputs[0]].as<int8_t>());
}

void eval_mul(const OpNode& n, const Tensor* t) {
  mul_s8(*static_cast<const MulParams*>(n.params), t[n.inputs[0]].as<int8_t>(), t[n.inputs[1]].as<int8_t>(),
         t[n.outputs[0]].as<int8_t>());
}

}  // namespace

const OpKernel kAddKernel{static_cast<int32_t>(BuiltinOp::kAdd), prepare<AddParams, add_s8_prepare>, eval_add};
const OpKernel kMulKernel{static_cast<int32_t>(BuiltinOp::kMul), prepare<MulParams, mul_s8_prepare>, eval_mul};

}  // namespace tinyrt
