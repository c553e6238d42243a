// CONV_2D and DEPTHWISE_CONV_2D: .tflite operator -> kernels/conv.h, depthwise_conv.h.
#include "interpreter/ops/ops.h"
#include "kernels/conv.h"
#include "kernels/depthwise_conv.h"

namespace tinyrt {
namespace {

using ConvPrepareFn = KernelStatus (*)(const ConvOptions&, const Shape4D&, const QuantParams&, const Shape4D&,
                                       const float*, int32_t, const Shape4D&, const QuantParams&, int32_t*,
                                       int32_t*, ConvParams*);

bool prepare_convolution(PrepareContext& ctx, const ConvOptions& options, int32_t out_channels,
                         ConvPrepareFn prepare_fn) {
  Tensor* in = ctx.input(0);
  Tensor* filter = ctx.input(1);
  Tensor* bias = ctx.input(2);
  Tensor* out = ctx.output(0);
  if (!ctx.expect_type(in, TensorType::kInt8, "input") || !ctx.expect_type(filter, TensorType::kInt8, "filter") ||
      !ctx.expect_type(out, TensorType::kInt8, "output"))
    return false;
  if (bias && !ctx.expect_type(bias, TensorType::kInt32, "bias")) return false;
  auto* params = ctx.allocate<ConvParams>();
  auto* multiplier = ctx.allocate<int32_t>(static_cast<uint32_t>(out_channels));
  auto* shift = ctx.allocate<int32_t>(static_cast<uint32_t>(out_channels));
  const float* scales = ctx.scales(*filter);
  if (!params || !multiplier || !shift || !scales) return false;
  const int32_t scale_count = static_cast<int32_t>(filter->channel_scales.size() ? filter->channel_scales.size() : 1);
  const KernelStatus s = prepare_fn(options, in->shape4d(), in->quant, filter->shape4d(), scales, scale_count,
                                    out->shape4d(), out->quant, multiplier, shift, params);
  if (s != KernelStatus::kOk) return ctx.fail_kernel(static_cast<int32_t>(s));
  ctx.node.params = params;
  return true;
}

bool prepare_conv2d(PrepareContext& ctx) {
  const Conv2DOptions& o = ctx.info.options.conv2d;
  ConvOptions options{o.padding, o.stride_h, o.stride_w, o.dilation_h, o.dilation_w, 1, FusedActivation::kNone};
  if (!to_fused_activation(o.activation, &options.activation))
    return ctx.fail(RunStatus::kModelUnsupported, "fused activation");
  const Tensor* filter = ctx.input(1);
  if (!filter) return ctx.fail(RunStatus::kModelInvalid, "missing filter");
  if (!prepare_convolution(ctx, options, filter->dim(0), conv2d_s8_prepare)) return false;
  ctx.node.scratch_bytes = static_cast<uint32_t>(conv2d_s8_scratch_bytes(*static_cast<const ConvParams*>(ctx.node.params)));
  return true;
}

bool prepare_depthwise(PrepareContext& ctx) {
  const DepthwiseConv2DOptions& o = ctx.info.options.depthwise;
  ConvOptions options{o.padding, o.stride_h, o.stride_w, o.dilation_h, o.dilation_w, o.depth_multiplier,
                      FusedActivation::kNone};
  if (!to_fused_activation(o.activation, &options.activation))
    return ctx.fail(RunStatus::kModelUnsupported, "fused activation");
  const Tensor* filter = ctx.input(1);
  if (!filter) return ctx.fail(RunStatus::kModelInvalid, "missing filter");
  if (!prepare_convolution(ctx, options, filter->dim(3), depthwise_conv2d_s8_prepare)) return false;
  ctx.node.scratch_bytes =
      static_cast<uint32_t>(depthwise_conv2d_s8_scratch_bytes(*static_cast<const ConvParams*>(ctx.node.params)));
  return true;
}

const int32_t* bias_of(const OpNode& n, const Tensor* t) {
  return n.input_count > 2 && n.inputs[2] >= 0 ? t[n.inputs[2]].as<int32_t>() : nullptr;
}

void eval_conv2d(const OpNode& n, const Tensor* t) {
  conv2d_s8(*static_cast<const ConvParams*>(n.params), t[n.inputs[0]].as<int8_t>(), t[n.inputs[1]].as<int8_t>(),
            bias_of(n, t), t[n.outputs[0]].as<int8_t>());
}

void eval_depthwise(const OpNode& n, const Tensor* t) {
  depthwise_conv2d_s8(*static_cast<const ConvParams*>(n.params), t[n.inputs[0]].as<int8_t>(),
                      t[n.inputs[1]].as<int8_t>(), bias_of(n, t), t[n.outputs[0]].as<int8_t>());
}

}  // namespace

const OpKernel kConv2DKernel{static_cast<int32_t>(BuiltinOp::kConv2D), prepare_conv2d, eval_conv2d};
const OpKernel kDepthwiseConv2DKernel{static_cast<int32_t>(BuiltinOp::kDepthwiseConv2D), prepare_depthwise,
                                      eval_depthwise};

}  // namespace tinyrt
