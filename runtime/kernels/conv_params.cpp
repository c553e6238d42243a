#include "kernels/conv_params.h"

#include "kernels/quantization.h"

namespace tinyrt {

int32_t conv_output_size(Padding padding, int32_t in, int32_t filter, int32_t stride, int32_t dilation) {
  const int32_t effective = (filter - 1) * dilation + 1;
  if (padding == Padding::kSame) return (in + stride - 1) / stride;
  return (in - effective + stride) / stride;
}

int32_t conv_padding_before(int32_t in, int32_t filter, int32_t stride, int32_t dilation, int32_t out) {
  const int32_t effective = (filter - 1) * dilation + 1;
  const int32_t total = (out - 1) * stride + effective - in;
  return total > 0 ? total / 2 : 0;
}

KernelStatus conv_prepare_common(const ConvOptions& o, const Shape4D& input, const QuantParams& input_q,
                                 const Shape4D& filter, const float* filter_scales, int32_t filter_scale_count,
                                 const Shape4D& output, const QuantParams& output_q, int32_t out_channels,
                                 int32_t* multiplier_storage, int32_t* shift_storage, ConvParams* p) {
  if (o.stride_h < 1 || o.stride_w < 1 || o.dilation_h < 1 || o.dilation_w < 1) return KernelStatus::kBadShape;
  if (input.batch != output.batch || output.channels != out_channels) return KernelStatus::kBadShape;
  if (filter.height < 1 || filter.width < 1) return KernelStatus::kBadShape;
  const int32_t out_h = conv_output_size(o.padding, input.height, filter.height, o.stride_h, o.dilation_h);
  const int32_t out_w = conv_output_size(o.padding, input.width, filter.width, o.stride_w, o.dilation_w);
  if (out_h != output.height || out_w != output.width || out_h < 1 || out_w < 1) return KernelStatus::kBadShape;
  if (filter_scale_count != 1 && filter_scale_count != out_channels) return KernelStatus::kBadQuantization;
  if (!(input_q.scale > 0.0f) || !(output_q.scale > 0.0f)) return KernelStatus::kBadQuantization;

  p->input = input;
  p->filter = filter;
  p->output = output;
  p->stride_h = o.stride_h;
  p->stride_w = o.stride_w;
  p->dilation_h = o.dilation_h;
  p->dilation_w = o.dilation_w;
  p->pad_h = conv_padding_before(input.height, filter.height, o.stride_h, o.dilation_h, out_h);
  p->pad_w = conv_padding_before(input.width, filter.width, o.stride_w, o.dilation_w, out_w);
  p->depth_multiplier = 1;
  p->input_offset = -input_q.zero_point;
  p->output_offset = output_q.zero_point;
  const KernelStatus act = activation_range_s8(o.activation, output_q, &p->act_min, &p->act_max);
  if (act != KernelStatus::kOk) return act;
  for (int32_t c = 0; c < out_channels; ++c) {
    const float fs = filter_scales[filter_scale_count == 1 ? 0 : c];
    if (!(fs > 0.0f)) return KernelStatus::kBadQuantization;
    const double real = static_cast<double>(input_q.scale) * static_cast<double>(fs) /
                        static_cast<double>(output_q.scale);
    const QuantizedMultiplier qm = quantize_multiplier(real);
    multiplier_storage[c] = qm.multiplier;
    shift_storage[c] = qm.shift;
  }
  p->multiplier = multiplier_storage;
  p->shift = shift_storage;
  return KernelStatus::kOk;
}

void conv_tap_range(int32_t origin, int32_t dilation, int32_t in_size, int32_t filter_size, int32_t* lo,
                    int32_t* hi) {
  *lo = origin >= 0 ? 0 : (-origin + dilation - 1) / dilation;
  const int32_t last = in_size - 1 - origin;  /// largest tap offset still inside
  *hi = last < 0 ? 0 : last / dilation + 1;
  if (*hi > filter_size) *hi = filter_size;
  if (*hi < *lo) *hi = *lo;
}

}  // namespace tinyrt
