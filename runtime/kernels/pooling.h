#pragma once
/// AVERAGE_POOL_2D and MAX_POOL_2D, int8 NHWC. TFLite requires the input and output
/// quantisation to be equal, so both kernels work on raw int8 values.
#include <stdint.h>

#include "kernels/types.h"

namespace tinyrt {

/// Options as stored in the .tflite Pool2DOptions.
struct PoolOptions {
  Padding padding;
  int32_t stride_h, stride_w;
  int32_t filter_h, filter_w;
  FusedActivation activation;
};

struct PoolParams {
  Shape4D input;
  Shape4D output;
  int32_t filter_h, filter_w;
  int32_t stride_h, stride_w;
  int32_t pad_h, pad_w;      ///< padding before the first row / column (TFLite's rule)
  int32_t act_min, act_max;
};

/// Prepare for either pool: output shape check (TFLite's padding rule, dilation 1),
/// equal input/output quantisation, fused activation range.
KernelStatus pool_s8_prepare(const PoolOptions& options, const Shape4D& input, const QuantParams& input_q,
                             const Shape4D& output, const QuantParams& output_q, PoolParams* params);

/// Scratch bytes either pool needs: 0.
int32_t pool_s8_scratch_bytes(const PoolParams& params);

/// Mean of the in-bounds window (padding is not counted), rounded half away from
/// zero by integer division as TFLite does, then clamped to the activation range.
void average_pool_s8(const PoolParams& p, const int8_t* input, int8_t* output);

/// Maximum of the in-bounds window, clamped to the activation range.
void max_pool_s8(const PoolParams& p, const int8_t* input, int8_t* output);

}  // namespace tinyrt
