#include "kernels/fully_connected.h"

namespace tinyrt {

KernelStatus fully_connected_s8_prepare(FusedActivation activation, int32_t input_elements,
                                        const QuantParams& input_q, int32_t output_depth, int32_t input_depth,
                                        const float* filter_scales, int32_t filter_scale_count,
                                        int32_t output_elements, const QuantParams& output_q,
                                        int32_t* multiplier_storage, int32_t* shift_storage,
                                        FullyConnectedParams* p) {
  if (input_depth < 1 || output_depth < 1 || input_elements % input_depth != 0) return KernelStatus::kBadShape;
  const int32_t batches = input_elements / input_depth;
  if (output_elements != batches * output_depth) return KernelStatus::kBadShape;
  if (filter_scale_count != 1 && filter_scale_count != output_depth) return KernelStatus::kBadQuantization;
  if (!(input_q.scale > 0.0f) || !(output_q.scale > 0.0f)) return KernelStatus::kBadQuantization;
  p->batches = batches;
  p->input_depth = input_depth;
  p->output_depth = output_depth;
  p->input_offset = -input_q.zero_point;
  p->output_offset = output_q.zero_point;
  p->per_channel = filter_scale_count == 1 ? 0 : 1;
  const KernelStatus act = activation_range_s8(activation, output_q, &p->act_min, &p->act_max);
  if (act != KernelStatus::kOk) return act;
  for (int32_t c = 0; c < filter_scale_count; ++c) {
    if (!(filter_scales[c] > 0.0f)) return KernelStatus::kBadQuantization;
    const double input_product = p->per_channel
                                     ? static_cast<double>(input_q.scale) * static_cast<double>(filter_scales[c])
                                     : static_cast<double>(input_q.scale * filter_scales[c]);
    const QuantizedMultiplier qm = quantize_multiplier(input_product / static_cast<double>(output_q.scale));
    multiplier_storage[c] = qm.multiplier;
    shift_storage[c] = qm.shift;
  }
  p->multiplier = multiplier_storage;
  p->shift = shift_storage;
  return KernelStatus::kOk;
}

int32_t fully_connected_s8_scratch_bytes(const FullyConnectedParams&) { return 0; }

void fully_connected_s8_reference(const FullyConnectedParams& p, const int8_t* input, const int8_t* filter,
                                  const int32_t* bias, int8_t* output) {
  for (int32_t b = 0; b < p.batches; ++b) {
    const int8_t* x = input + b * p.input_depth;
    for (int32_t o = 0; o < p.output_depth; ++o) {
      const int8_t* w = filter + o * p.input_depth;
      int32_t acc = 0;
      for (int32_t i = 0; i < p.input_depth; ++i) acc += w[i] * (x[i] + p.input_offset);
      if (bias != nullptr) acc += bias[o];
      output[b * p.output_depth + o] = static_cast<int8_t>(fully_connected_requantize(p, acc, o));
    }
  }
}

}  // namespace tinyrt
