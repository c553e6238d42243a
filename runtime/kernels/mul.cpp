#include "kernels/mul.h"

#include "kernels/quantization.h"

namespace tinyrt {

KernelStatus mul_s8_prepare(FusedActivation activation, const Shape4D& input1, const QuantParams& input1_q,
                            const Shape4D& input2, const QuantParams& input2_q, const Shape4D& output,
                            const QuantParams& output_q, MulParams* p) {
  const KernelStatus s = broadcast_prepare(input1, input2, output, &p->shape);
  if (s != KernelStatus::kOk) return s;
  if (!(input1_q.scale > 0.0f) || !(input2_q.scale > 0.0f) || !(output_q.scale > 0.0f)) {
    return KernelStatus::kBadQuantization;
  }
  p->input1_offset = -input1_q.zero_point;
  p->input2_offset = -input2_q.zero_point;
  p->output_offset = output_q.zero_point;
  const QuantizedMultiplier m = quantize_multiplier(static_cast<double>(input1_q.scale) *
                                                    static_cast<double>(input2_q.scale) /
                                                    static_cast<double>(output_q.scale));
  p->output_multiplier = m.multiplier;
  p->output_shift = m.shift;
  return activation_range_s8(activation, output_q, &p->act_min, &p->act_max);
}

int32_t mul_s8_scratch_bytes(const MulParams&) { return 0; }

void mul_s8(const MulParams& p, const int8_t* input1, const int8_t* input2, int8_t* output) {
  broadcast_for_each(p.shape, [&](int32_t i1, int32_t i2, int32_t o) {
    const int32_t product = (p.input1_offset + input1[i1]) * (p.input2_offset + input2[i2]);
    const int32_t raw = multiply_by_quantized_multiplier(product, p.output_multiplier, p.output_shift) + p.output_offset;
    output[o] = static_cast<int8_t>(clamp_i32(raw, p.act_min, p.act_max));
  });
}

}  // namespace tinyrt
