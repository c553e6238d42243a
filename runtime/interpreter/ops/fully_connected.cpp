// FULLY_CONNECTED: .tflite operator -> kernels/fully_connected.h.
#include "interpreter/ops/ops.h"
#include "kernels/fully_connected.h"

namespace tinyrt {
namespace {

bool prepare(PrepareContext& ctx) {
  Tensor* in = ctx.input(0);
  Tensor* weights = ctx.input(1);
  Tensor* bias = ctx.input(2);
  Tensor* out = ctx.output(0);
  if (!ctx.expect_type(in, TensorType::kInt8, "input") || !ctx.expect_type(weights, TensorType::kInt8, "weights") ||
      !ctx.expect_type(out, TensorType::kInt8, "output"))
    return false;
  if (bias && !ctx.expect_type(bias, TensorType::kInt32, "bias")) return false;
  if (weights->rank != 2) return ctx.fail(RunStatus::kModelUnsupported, "weights must be 2-D [out, in]");
  FusedActivation activation;
  if (!to_fused_activation(ctx.info.options.fully_connected.activation, &activation))
    return ctx.fail(RunStatus::kModelUnsupported, "fused activation");
  const uint32_t scale_count = weights->channel_scales.size() ? weights->channel_scales.size() : 1u;
  auto* params = ctx.allocate<FullyConnectedParams>();
  auto* multiplier = ctx.allocate<int32_t>(scale_count);
  auto* shift = ctx.allocate<int32_t>(scale_count);
  const float* scales = ctx.scales(*weights);
  if (!params || !multiplier || !shift || !scales) return false;
  const KernelStatus s = fully_connected_s8_prepare(
      activation, static_cast<int32_t>(in->elements()), in->quant, weights->dims[0], weights->dims[1], scales,
      static_cast<int32_t>(scale_count), static_cast<int32_t>(out->elements()), out->quant, multiplier, shift, params);
  if (s != KernelStatus::kOk) return ctx.fail_kernel(static_cast<int32_t>(s));
  ctx.node.params = params;
  ctx.node.scratch_bytes = static_cast<uint32_t>(fully_connected_s8_scratch_bytes(*params));
  return true;
}

void eval(const OpNode& n, const Tensor* t) {
  const int32_t* bias = n.input_count > 2 && n.inputs[2] >= 0 ? t[n.inputs[2]].as<int32_t>() : nullptr;
  fully_connected_s8(*static_cast<const FullyConnectedParams*>(n.params), t[n.inputs[0]].as<int8_t>(),
                     t[n.inputs[1]].as<int8_t>(), bias, t[n.outputs[0]].as<int8_t>());
}

}  // namespace

const OpKernel kFullyConnectedKernel{static_cast<int32_t>(BuiltinOp::kFullyConnected), prepare, eval};

}  // namespace tinyrt
