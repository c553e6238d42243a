#pragma once
/// CONV_2D, int8 NHWC activations, OHWI int8 weights (per-channel or per-tensor
/// symmetric), optional int32 bias, SAME/VALID padding, strides, dilation.
#include <stdint.h>

#include "kernels/conv_params.h"

namespace tinyrt {

/// Prepare: checks shapes (filter OHWI with I == input channels; output shape must
/// be what TFLite computes) and fills params. multiplier/shift storage: O int32 each.
KernelStatus conv2d_s8_prepare(const ConvOptions& options, const Shape4D& input, const QuantParams& input_q,
                               const Shape4D& filter, const float* filter_scales, int32_t filter_scale_count,
                               const Shape4D& output, const QuantParams& output_q, int32_t* multiplier_storage,
                               int32_t* shift_storage, ConvParams* params);

/// Scratch bytes Eval needs: 0 (both kernels work in place, without im2col).
int32_t conv2d_s8_scratch_bytes(const ConvParams& params);

/// Portable reference kernel (the definition of correct).
void conv2d_s8_reference(const ConvParams& p, const int8_t* input, const int8_t* filter, const int32_t* bias,
                         int8_t* output);

/// Cortex-M DSP kernel (runtime/kernels/arm/conv.cpp): bit-identical to the reference.
void conv2d_s8_dsp(const ConvParams& p, const int8_t* input, const int8_t* filter, const int32_t* bias,
                   int8_t* output);

/// The kernel for this build: DSP where the core has it, else the reference.
inline void conv2d_s8(const ConvParams& p, const int8_t* input, const int8_t* filter, const int32_t* bias,
                      int8_t* output) {
#if TINYRT_KERNELS_DSP
  conv2d_s8_dsp(p, input, filter, bias, output);
#else
  conv2d_s8_reference(p, input, filter, bias, output);
#endif
}

}  // namespace tinyrt
