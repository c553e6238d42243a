#include "kernels/mean.h"

#include "kernels/quantization.h"

namespace tinyrt {

KernelStatus mean_s8_prepare(const Shape4D& input, const QuantParams& input_q, const int32_t* axes,
                             int32_t axis_count, int32_t output_elements, const QuantParams& output_q,
                             MeanParams* p) {
  const bool hw = axis_count == 2 && ((axes[0] == 1 && axes[1] == 2) || (axes[0] == 2 && axes[1] == 1));
  if (!hw) return KernelStatus::kUnsupported;
  if (output_elements != input.batch * input.channels || input.height * input.width < 1) {
    return KernelStatus::kBadShape;
  }
  if (!(input_q.scale > 0.0f) || !(output_q.scale > 0.0f)) return KernelStatus::kBadQuantization;
  const QuantizedMultiplier m =
      quantize_multiplier(static_cast<double>(input_q.scale) / static_cast<double>(output_q.scale));
  p->input = input;
  p->input_zero_point = input_q.zero_point;
  p->output_zero_point = output_q.zero_point;
  p->multiplier = m.multiplier;
  p->shift = m.shift;
  return KernelStatus::kOk;
}

int32_t mean_s8_scratch_bytes(const MeanParams&) { return 0; }

void mean_s8(const MeanParams& p, const int8_t* input, int8_t* output) {
  const Shape4D& in = p.input;
  const int32_t count = in.height * in.width;
  for (int32_t b = 0; b < in.batch; ++b) {
    const int8_t* batch = input + b * count * in.channels;
    for (int32_t c = 0; c < in.channels; ++c) {
      int32_t acc = 0;
      for (int32_t i = 0; i < count; ++i) acc += batch[i * in.channels + c] - p.input_zero_point;
      acc = multiply_by_quantized_multiplier(acc, p.multiplier, p.shift);
      acc = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
      output[b * in.channels + c] = static_cast<int8_t>(clamp_i32(acc + p.output_zero_point, -128, 127));
    }
  }
}

}  // namespace tinyrt
