#include "kernels/pad.h"

#include <string.h>

namespace tinyrt {

KernelStatus pad_s8_prepare(const Shape4D& input, const QuantParams& input_q, const int32_t paddings[4][2],
                            const Shape4D& output, const QuantParams& output_q, PadParams* p) {
  const int32_t in[4] = {input.batch, input.height, input.width, input.channels};
  const int32_t out[4] = {output.batch, output.height, output.width, output.channels};
  for (int i = 0; i < 4; ++i) {
    if (paddings[i][0] < 0 || paddings[i][1] < 0) return KernelStatus::kBadShape;
    if (in[i] + paddings[i][0] + paddings[i][1] != out[i]) return KernelStatus::kBadShape;
    p->before[i] = paddings[i][0];
  }
  if (input_q.scale != output_q.scale || input_q.zero_point != output_q.zero_point) {
    return KernelStatus::kBadQuantization;
  }
  if (output_q.zero_point < -128 || output_q.zero_point > 127) return KernelStatus::kBadQuantization;
  p->input = input;
  p->output = output;
  p->pad_value = static_cast<int8_t>(output_q.zero_point);
  return KernelStatus::kOk;
}

void pad_s8(const PadParams& p, const int8_t* input, int8_t* output) {
  memset(output, p.pad_value, static_cast<size_t>(element_count(p.output)));
  const Shape4D& in = p.input;
  const Shape4D& out = p.output;
  const size_t row_bytes = static_cast<size_t>(in.channels);
  for (int32_t b = 0; b < in.batch; ++b)
    for (int32_t y = 0; y < in.height; ++y)
      for (int32_t x = 0; x < in.width; ++x) {
        const int32_t ob = b + p.before[0], oy = y + p.before[1], ox = x + p.before[2];
        memcpy(output + ((ob * out.height + oy) * out.width + ox) * out.channels + p.before[3],
               input + ((b * in.height + y) * in.width + x) * in.channels, row_bytes);
      }
}

}  // namespace tinyrt
