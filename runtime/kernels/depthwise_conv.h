#pragma once
/// DEPTHWISE_CONV_2D, int8 NHWC activations, 1HWO int8 weights with
/// O = input channels * depth_multiplier (output channel ic * multiplier + m reads
/// input channel ic), per-channel or per-tensor scales, optional int32 bias.
#include <stdint.h>

#include "kernels/conv_params.h"

namespace tinyrt {

/// Prepare: checks filter {1, H, W, C * m} and the output shape, fills params. The
/// depth multiplier m is filter channels / input channels (ConvOptions::depth_multiplier
/// may be 0 = unset; if set it must agree). multiplier/shift storage: O int32 each.
KernelStatus depthwise_conv2d_s8_prepare(const ConvOptions& options, const Shape4D& input,
                                         const QuantParams& input_q, const Shape4D& filter,
                                         const float* filter_scales, int32_t filter_scale_count,
                                         const Shape4D& output, const QuantParams& output_q,
                                         int32_t* multiplier_storage, int32_t* shift_storage, ConvParams* params);

/// Scratch bytes Eval needs: 0.
int32_t depthwise_conv2d_s8_scratch_bytes(const ConvParams& params);

void depthwise_conv2d_s8_reference(const ConvParams& p, const int8_t* input, const int8_t* filter,
                                   const int32_t* bias, int8_t* output);

/// Cortex-M DSP kernel (runtime/kernels/arm/depthwise_conv.cpp), bit-identical.
void depthwise_conv2d_s8_dsp(const ConvParams& p, const int8_t* input, const int8_t* filter, const int32_t* bias,
                             int8_t* output);

inline void depthwise_conv2d_s8(const ConvParams& p, const int8_t* input, const int8_t* filter,
                                const int32_t* bias, int8_t* output) {
#if TINYRT_KERNELS_DSP
  depthwise_conv2d_s8_dsp(p, input, filter, bias, output);
#else
  depthwise_conv2d_s8_reference(p, input, filter, bias, output);
#endif
}

}  // namespace tinyrt
