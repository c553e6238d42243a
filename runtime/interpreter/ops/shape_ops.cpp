// PAD and CONCATENATION: .tflite operator -> kernels/pad.h, concatenation.h.
#include "interpreter/ops/ops.h"
#include "kernels/concatenation.h"
#include "kernels/pad.h"

namespace tinyrt {
namespace {

constexpr int kMaxConcatInputs = 16;

bool prepare_pad(PrepareContext& ctx) {
  Tensor* in = ctx.input(0);
  Tensor* paddings = ctx.input(1);
  Tensor* out = ctx.output(0);
  if (!ctx.expect_type(in, TensorType::kInt8, "input") || !ctx.expect_type(out, TensorType::kInt8, "output") ||
      !ctx.expect_type(paddings, TensorType::kInt32, "paddings"))
    return false;
  if (!paddings->constant || in->rank > 4 || paddings->elements() != 2u * in->rank)
    return ctx.fail(RunStatus::kModelUnsupported, "paddings must be a constant [rank, 2] for rank <= 4");
  int32_t pads[4][2] = {};
  const int32_t* values = paddings->as<int32_t>();
  for (int d = 0; d < in->rank; ++d) {
    pads[4 - in->rank + d][0] = values[2 * d];
    pads[4 - in->rank + d][1] = values[2 * d + 1];
  }
  auto* params = ctx.allocate<PadParams>();
  if (!params) return false;
  const KernelStatus s = pad_s8_prepare(in->shape4d(), in->quant, pads, out->shape4d(), out->quant, params);
  if (s != KernelStatus::kOk) return ctx.fail_kernel(static_cast<int32_t>(s));
  ctx.node.params = params;
  return true;
}

void eval_pad(const OpNode& n, const Tensor* t) {
  pad_s8(*static_cast<const PadParams*>(n.params), t[n.inputs[0]].as<int8_t>(), t[n.outputs[0]].as<int8_t>());
}

bool prepare_concatenation(PrepareContext& ctx) {
  const Tensor* out = ctx.output(0);
  const int count = ctx.node.input_count;
  if (!ctx.expect_type(out, TensorType::kInt8, "output")) return false;
  if (count < 1 || count > kMaxConcatInputs || out->rank > 4)
    return ctx.fail(RunStatus::kModelUnsupported, "1..16 inputs of rank <= 4");
  Shape4D shapes[kMaxConcatInputs];
  QuantParams quants[kMaxConcatInputs];
  for (int i = 0; i < count; ++i) {
    const Tensor* in = ctx.input(i);
    if (!ctx.expect_type(in, TensorType::kInt8, "input")) return false;
    shapes[i] = in->shape4d();
    quants[i] = in->quant;
  }
  int32_t axis = ctx.info.options.concatenation.axis;
  if (axis < 0) axis += out->rank;
  if (axis < 0 || axis >= out->rank) return ctx.fail(RunStatus::kModelInvalid, "axis out of range");
  auto* params = ctx.allocate<ConcatenationParams>();
  auto* sizes = ctx.allocate<int32_t>(static_cast<uint32_t>(count));
  if (!params || !sizes) return false;
  const KernelStatus s = concatenation_s8_prepare(axis + 4 - out->rank, shapes, quants, count, out->shape4d(),
                                                  out->quant, sizes, params);
  if (s != KernelStatus::kOk) return ctx.fail_kernel(static_cast<int32_t>(s));
  ctx.node.params = params;
  return true;
}

void eval_concatenation(const OpNode& n, const Tensor* t) {
  const int8_t* inputs[kMaxConcatInputs];
  for (int i = 0; i < n.input_count; ++i) inputs[i] = t[n.inputs[i]].as<int8_t>();
  concatenation_s8(*static_cast<const ConcatenationParams*>(n.params), inputs, t[n.outputs[0]].as<int8_t>());
}

}  // namespace

const OpKernel kPadKernel{static_cast<int32_t>(BuiltinOp::kPad), prepare_pad, eval_pad};
const OpKernel kConcatenationKernel{static_cast<int32_t>(BuiltinOp::kConcatenation), prepare_concatenation,
                                    eval_concatenation};

}  // namespace tinyrt
