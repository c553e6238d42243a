// QUANTIZE (float -> int8, int8 -> int8) and DEQUANTIZE (int8 -> float).
#include "interpreter/ops/ops.h"
#include "kernels/quantize.h"

namespace tinyrt {
namespace {

struct QuantizeOp {
  bool from_float;
  QuantParams output_q;
  RequantizeParams requantize;
};

bool prepare_quantize(PrepareContext& ctx) {
  const Tensor* in = ctx.input(0);
  const Tensor* out = ctx.output(0);
  if (!ctx.expect_type(out, TensorType::kInt8, "output") || !in) return false;
  if (in->type != TensorType::kFloat32 && in->type != TensorType::kInt8)
    return ctx.fail(RunStatus::kModelUnsupported, "input must be float32 or int8");
  auto* op = ctx.allocate<QuantizeOp>();
  if (!op) return false;
  op->from_float = in->type == TensorType::kFloat32;
  op->output_q = out->quant;
  op->requantize = RequantizeParams{};
  op->requantize.elements = static_cast<int32_t>(out->elements());
  if (!op->from_float) {
    const KernelStatus s = requantize_s8_prepare(in->quant, out->quant, op->requantize.elements, &op->requantize);
    if (s != KernelStatus::kOk) return ctx.fail_kernel(static_cast<int32_t>(s));
  }
  ctx.node.params = op;
  return true;
}

void eval_quantize(const OpNode& n, const Tensor* t) {
  const auto& op = *static_cast<const QuantizeOp*>(n.params);
  if (op.from_float) {
    quantize_f32_to_s8(op.output_q, t[n.inputs[0]].as<float>(), t[n.outputs[0]].as<int8_t>(), op.requantize.elements);
  } else {
    requantize_s8(op.requantize, t[n.inputs[0]].as<int8_t>(), t[n.outputs[0]].as<int8_t>());
  }
}

bool prepare_dequantize(PrepareContext& ctx) {
  return ctx.expect_type(ctx.input(0), TensorType::kInt8, "input") &&
         ctx.expect_type(ctx.output(0), TensorType::kFloat32, "output");
}

void eval_dequantize(const OpNode& n, const Tensor* t) {
  const Tensor& in = t[n.inputs[0]];
  dequantize_s8_to_f32(in.quant, in.as<int8_t>(), t[n.outputs[0]].as<float>(), static_cast<int32_t>(in.elements()));
}

}  // namespace

const OpKernel kQuantizeKernel{static_cast<int32_t>(BuiltinOp::kQuantize), prepare_quantize, eval_quantize};
const OpKernel kDequantizeKernel{static_cast<int32_t>(BuiltinOp::kDequantize), prepare_dequantize, eval_dequantize};

}  // namespace tinyrt
