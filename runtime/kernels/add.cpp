#include "kernels/add.h"

#include "kernels/quantization.h"

namespace tinyrt {

KernelStatus add_s8_prepare(FusedActivation activation, const Shape4D& input1, const QuantParams& input1_q,
                            const Shape4D& input2, const QuantParams& input2_q, const Shape4D& output,
                            const QuantParams& output_q, AddParams* p) {
  const KernelStatus s = broadcast_prepare(input1, input2, output, &p->shape);
  if (s != KernelStatus::kOk) return s;
  if (!(input1_q.scale > 0.0f) || !(input2_q.scale > 0.0f) || !(output_q.scale > 0.0f)) {
    return KernelStatus::kBadQuantization;
  }
  p->input1_offset = -input1_q.zero_point;
  p->input2_offset = -input2_q.zero_point;
  p->output_offset = output_q.zero_point;
  p->left_shift = 20;
  const float max_scale = input1_q.scale > input2_q.scale ? input1_q.scale : input2_q.scale;
  const double twice_max = 2.0 * static_cast<double>(max_scale);
  const QuantizedMultiplier m1 = quantize_multiplier(static_cast<double>(input1_q.scale) / twice_max);
  const QuantizedMultiplier m2 = quantize_multiplier(static_cast<double>(input2_q.scale) / twice_max);
  const QuantizedMultiplier mo =
      quantize_multiplier(twice_max / (static_cast<double>(1 << p->left_shift) * static_cast<double>(output_q.scale)));
  /// The three rescalings must shrink (TFLite's QuantizeMultiplierSmallerThanOneExp).
  if (m1.shift > 0 || m2.shift > 0 || mo.shift > 0) return KernelStatus::kBadQuantization;
  p->input1_multiplier = m1.multiplier;
  p->input1_shift = m1.shift;
  p->input2_multiplier = m2.multiplier;
  p->input2_shift = m2.shift;
  p->output_multiplier = mo.multiplier;
  p->output_shift = mo.shift;
  return activation_range_s8(activation, output_q, &p->act_min, &p->act_max);
}

int32_t add_s8_scratch_bytes(const AddParams&) { return 0; }

void add_s8(const AddParams& p, const int8_t* input1, const int8_t* input2, int8_t* output) {
  broadcast_for_each(p.shape, [&](int32_t i1, int32_t i2, int32_t o) {
    const int32_t a = (p.input1_offset + input1[i1]) * (1 << p.left_shift);
    const int32_t b = (p.input2_offset + input2[i2]) * (1 << p.left_shift);
    const int32_t sa = multiply_by_quantized_multiplier(a, p.input1_multiplier, p.input1_shift);
    const int32_t sb = multiply_by_quantized_multiplier(b, p.input2_multiplier, p.input2_shift);
    const int32_t raw = multiply_by_quantized_multiplier(sa + sb, p.output_multiplier, p.output_shift) + p.output_offset;
    output[o] = static_cast<int8_t>(clamp_i32(raw, p.act_min, p.act_max));
  });
}

}  // namespace tinyrt
