#pragma once
/// What CONV_2D and DEPTHWISE_CONV_2D share: the operator options from the .tflite,
/// the Prepare-time geometry and requantisation (ConvParams), and TFLite's padding rule.
#include <stdint.h>

#include "kernels/quantization.h"
#include "kernels/types.h"

namespace tinyrt {

/// Options as stored in the .tflite Conv2DOptions / DepthwiseConv2DOptions.
struct ConvOptions {
  Padding padding;
  int32_t stride_h;
  int32_t stride_w;
  int32_t dilation_h;
  int32_t dilation_w;
  int32_t depth_multiplier;  ///< depthwise only (0 = derive from shapes); ignored by CONV_2D
  FusedActivation activation;
};

/// Everything Eval needs, computed once by the op's prepare function.
/// Filter layouts: CONV_2D OHWI, DEPTHWISE_CONV_2D 1HWO (O = in_channels * depth_multiplier).
struct ConvParams {
  Shape4D input;
  Shape4D filter;
  Shape4D output;
  int32_t stride_h, stride_w;
  int32_t dilation_h, dilation_w;
  int32_t pad_h, pad_w;       ///< padding before the first row / column
  int32_t depth_multiplier;   ///< 1 for CONV_2D
  int32_t input_offset;       ///< -input zero point
  int32_t output_offset;      ///< output zero point
  int32_t act_min, act_max;   ///< fused activation range, int8
  const int32_t* multiplier;  ///< per output channel, Q31 (caller-owned storage)
  const int32_t* shift;       ///< per output channel
};

/// TFLite's output size: SAME ceil(in / stride), VALID ceil((in - eff + 1) / stride)
/// with eff = (filter - 1) * dilation + 1.
int32_t conv_output_size(Padding padding, int32_t in, int32_t filter, int32_t stride, int32_t dilation);

/// TFLite's ComputePaddingHeightWidth: padding before the data, max(0, floor(total/2)).
int32_t conv_padding_before(int32_t in, int32_t filter, int32_t stride, int32_t dilation, int32_t out);

/// Shared Prepare work: geometry, activation range and per-channel multipliers
/// (real = input_scale * filter_scale[c] / output_scale, in double as TFLite does).
/// filter_scales has 1 (per-tensor) or out_channels entries; multiplier/shift storage
/// must hold out_channels int32 each and outlive the params.
KernelStatus conv_prepare_common(const ConvOptions& options, const Shape4D& input, const QuantParams& input_q,
                                 const Shape4D& filter, const float* filter_scales, int32_t filter_scale_count,
                                 const Shape4D& output, const QuantParams& output_q, int32_t out_channels,
                                 int32_t* multiplier_storage, int32_t* shift_storage, ConvParams* params);

/// Per-output-channel requantisation of an accumulator (bias already added).
inline int32_t conv_requantize(const ConvParams& p, int32_t acc, int32_t c) {
  const int32_t v = multiply_by_quantized_multiplier(acc, p.multiplier[c], p.shift[c]) + p.output_offset;
  return clamp_i32(v, p.act_min, p.act_max);
}

/// Filter taps [*lo, *hi) whose input index origin + tap * dilation lies in [0, in_size).
void conv_tap_range(int32_t origin, int32_t dilation, int32_t in_size, int32_t filter_size, int32_t* lo,
                    int32_t* hi);

}  // namespace tinyrt
