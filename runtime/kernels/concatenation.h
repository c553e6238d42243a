#pragma once
/// CONCATENATION, int8, along one axis of 4-D NHWC shapes. All inputs must share the
/// output's quantisation (as TFLite Micro requires for int8), so it is a byte copy.
#include <stdint.h>

#include "kernels/types.h"

namespace tinyrt {

struct ConcatenationParams {
  int32_t input_count;
  int32_t outer_size;          ///< product of dims before the axis
  const int32_t* copy_sizes;   ///< per input: axis dim * dims after it (caller-owned)
  int32_t output_row;          ///< sum of copy_sizes
};

/// axis in 0..3 over the 4-D shapes (callers map lower-rank axes). copy_size_storage:
/// input_count int32, must outlive params.
KernelStatus concatenation_s8_prepare(int32_t axis, const Shape4D* inputs, const QuantParams* input_qs,
                                      int32_t input_count, const Shape4D& output, const QuantParams& output_q,
                                      int32_t* copy_size_storage, ConcatenationParams* params);

void concatenation_s8(const ConcatenationParams& p, const int8_t* const* inputs, int8_t* output);

}  // namespace tinyrt
