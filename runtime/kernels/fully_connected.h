#pragma once
/// FULLY_CONNECTED, int8: output[b][o] = sum_i W[o][i] * (x[b][i] - zp_in) + bias[o],
/// requantised. Weights [out, in] symmetric int8, per-tensor or per-channel.
#include <stdint.h>

#include "kernels/quantization.h"
#include "kernels/types.h"

namespace tinyrt {

struct FullyConnectedParams {
  int32_t batches;       ///< input elements / input_depth
  int32_t input_depth;   ///< weights' inner dimension
  int32_t output_depth;  ///< weights' outer dimension
  int32_t input_offset;  ///< -input zero point
  int32_t output_offset; ///< output zero point
  int32_t act_min, act_max;
  const int32_t* multiplier;  ///< 1 or output_depth entries (caller-owned)
  const int32_t* shift;
  int32_t per_channel;   ///< 1 when multiplier/shift have output_depth entries
};

/// Prepare. Per-tensor weights use TFLite's GetQuantizedConvolutionMultipler (the
/// input*filter scale product rounded to float first, then / output scale in double);
/// per-channel weights use input * filter[c] / output in double. Storage: 1 or
/// output_depth int32 each (filter_scale_count entries).
KernelStatus fully_connected_s8_prepare(FusedActivation activation, int32_t input_elements,
                                        const QuantParams& input_q, int32_t output_depth, int32_t input_depth,
                                        const float* filter_scales, int32_t filter_scale_count,
                                        int32_t output_elements, const QuantParams& output_q,
                                        int32_t* multiplier_storage, int32_t* shift_storage,
                                        FullyConnectedParams* params);

/// Scratch bytes Eval needs: 0.
int32_t fully_connected_s8_scratch_bytes(const FullyConnectedParams& params);

void fully_connected_s8_reference(const FullyConnectedParams& p, const int8_t* input, const int8_t* filter,
                                  const int32_t* bias, int8_t* output);

/// Cortex-M DSP kernel (runtime/kernels/arm/fully_connected.cpp), bit-identical.
void fully_connected_s8_dsp(const FullyConnectedParams& p, const int8_t* input, const int8_t* filter,
                            const int32_t* bias, int8_t* output);

inline void fully_connected_s8(const FullyConnectedParams& p, const int8_t* input, const int8_t* filter,
                               const int32_t* bias, int8_t* output) {
#if TINYRT_KERNELS_DSP
  fully_connected_s8_dsp(p, input, filter, bias, output);
#else
  fully_connected_s8_reference(p, input, filter, bias, output);
#endif
}

/// Requantise one accumulator (bias included) of output channel o.
inline int32_t fully_connected_requantize(const FullyConnectedParams& p, int32_t acc, int32_t o) {
  const int32_t c = p.per_channel ? o : 0;
  const int32_t v = multiply_by_quantized_multiplier(acc, p.multiplier[c], p.shift[c]) + p.output_offset;
  return clamp_i32(v, p.act_min, p.act_max);
}

}  // namespace tinyrt
