/// FULLY_CONNECTED for Cortex-M DSP: two weight rows per pass share each input load;
/// four inputs per step, offset added by SXTAB16, two SMLADs per row.
#include "kernels/arm/dsp_intrinsics.h"
#include "kernels/fully_connected.h"

namespace tinyrt {

namespace {

int32_t dot_tail(const int8_t* x, const int8_t* w, int32_t n, int32_t offset, int32_t acc) {
  for (int32_t i = 0; i < n; ++i) acc += w[i] * (x[i] + offset);
  return acc;
}

}  // namespace

void fully_connected_s8_dsp(const FullyConnectedParams& p, const int8_t* input, const int8_t* filter,
                            const int32_t* bias, int8_t* output) {
  const int32_t depth = p.input_depth;
  const int32_t depth4 = depth & ~3;
  const uint32_t offset2 = dsp::dup16(p.input_offset);
  for (int32_t b = 0; b < p.batches; ++b) {
    const int8_t* x = input + b * depth;
    int8_t* out = output + b * p.output_depth;
    int32_t o = 0;
    for (; o + 2 <= p.output_depth; o += 2) {
      const int8_t* w0 = filter + o * depth;
      const int8_t* w1 = w0 + depth;
      int32_t acc0 = bias != nullptr ? bias[o] : 0;
      int32_t acc1 = bias != nullptr ? bias[o + 1] : 0;
      for (int32_t i = 0; i < depth4; i += 4) {
        const uint32_t xv = dsp::load_s8x4(x + i);
        const uint32_t x_even = dsp::sxtab16(offset2, xv);
        const uint32_t x_odd = dsp::sxtab16_ror8(offset2, xv);
        const uint32_t a = dsp::load_s8x4(w0 + i);
        acc0 = dsp::smlad(dsp::sxtb16(a), x_even, acc0);
        acc0 = dsp::smlad(dsp::sxtb16_ror8(a), x_odd, acc0);
        const uint32_t c = dsp::load_s8x4(w1 + i);
        acc1 = dsp::smlad(dsp::sxtb16(c), x_even, acc1);
        acc1 = dsp::smlad(dsp::sxtb16_ror8(c), x_odd, acc1);
      }
      acc0 = dot_tail(x + depth4, w0 + depth4, depth - depth4, p.input_offset, acc0);
      acc1 = dot_tail(x + depth4, w1 + depth4, depth - depth4, p.input_offset, acc1);
      out[o] = static_cast<int8_t>(fully_connected_requantize(p, acc0, o));
      out[o + 1] = static_cast<int8_t>(fully_connected_requantize(p, acc1, o + 1));
    }
    if (o < p.output_depth) {
      const int8_t* w = filter + o * depth;
      int32_t acc = bias != nullptr ? bias[o] : 0;
      for (int32_t i = 0; i < depth4; i += 4) {
        const uint32_t xv = dsp::load_s8x4(x + i);
        const uint32_t a = dsp::load_s8x4(w + i);
        acc = dsp::smlad(dsp::sxtb16(a), dsp::sxtab16(offset2, xv), acc);
        acc = dsp::smlad(dsp::sxtb16_ror8(a), dsp::sxtab16_ror8(offset2, xv), acc);
      }
      acc = dot_tail(x + depth4, w + depth4, depth - depth4, p.input_offset, acc);
      out[o] = static_cast<int8_t>(fully_connected_requantize(p, acc, o));
    }
  }
}

}  // namespace tinyrt
