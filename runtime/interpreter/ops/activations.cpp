// SOFTMAX, LOGISTIC and TANH: .tflite operator -> kernels/softmax.h, logistic.h.
#include "interpreter/ops/ops.h"
#include "kernels/logistic.h"
#include "kernels/softmax.h"

namespace tinyrt {
namespace {

bool expect_int8(PrepareContext& ctx) {
  return ctx.expect_type(ctx.input(0), TensorType::kInt8, "input") &&
         ctx.expect_type(ctx.output(0), TensorType::kInt8, "output");
}

bool prepare_softmax(PrepareContext& ctx) {
  if (!expect_int8(ctx)) return false;
  const Tensor* in = ctx.input(0);
  const Tensor* out = ctx.output(0);
  const int32_t depth = in->rank ? in->dims[in->rank - 1] : 1;
  if (depth <= 0) return ctx.fail(RunStatus::kModelInvalid, "empty last dimension");
  auto* params = ctx.allocate<SoftmaxParams>();
  if (!params) return false;
  const KernelStatus s = softmax_s8_prepare(ctx.info.options.softmax.beta, in->quant, out->quant,
                                            static_cast<int32_t>(in->elements()) / depth, depth, params);
  if (s != KernelStatus::kOk) return ctx.fail_kernel(static_cast<int32_t>(s));
  ctx.node.params = params;
  return true;
}

template <KernelStatus (*PrepareFn)(const QuantParams&, const QuantParams&, int32_t, SigmoidParams*)>
bool prepare_sigmoid(PrepareContext& ctx) {
  if (!expect_int8(ctx)) return false;
  const Tensor* in = ctx.input(0);
  auto* params = ctx.allocate<SigmoidParams>();
  if (!params) return false;
  const KernelStatus s = PrepareFn(in->quant, ctx.output(0)->quant, static_cast<int32_t>(in->elements()), params);
  if (s != KernelStatus::kOk) return ctx.fail_kernel(static_cast<int32_t>(s));
  ctx.node.params = params;
  return true;
}

void eval_softmax(const OpNode& n, const Tensor* t) {
  softmax_s8(*static_cast<const SoftmaxParams*>(n.params), t[n.inputs[0]].as<int8_t>(), t[n.outputs[0]].as<int8_t>());
}

void eval_logistic(const OpNode& n, const Tensor* t) {
  logistic_s8(*static_cast<const SigmoidParams*>(n.params), t[n.inputs[0]].as<int8_t>(), t[n.outputs[0]].as<int8_t>());
}

void eval_tanh(const OpNode& n, const Tensor* t) {
  tanh_s8(*static_cast<const SigmoidParams*>(n.params), t[n.inputs[0]].as<int8_t>(), t[n.outputs[0]].as<int8_t>());
}

}  // namespace

const OpKernel kSoftmaxKernel{static_cast<int32_t>(BuiltinOp::kSoftmax), prepare_softmax, eval_softmax};
const OpKernel kLogisticKernel{static_cast<int32_t>(BuiltinOp::kLogistic), prepare_sigmoid<logistic_s8_prepare>,
                               eval_logistic};
const OpKernel kTanhKernel{static_cast<int32_t>(BuiltinOp::kTanh), prepare_sigmoid<tanh_s8_prepare>, eval_tanh};

}  // namespace tinyrt
