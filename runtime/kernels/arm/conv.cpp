/// CONV_2D for Cortex-M DSP: no im2col; for each output pixel, two output channels
/// at a time walk the in-bounds filter taps, four input channels per step with two
/// SMLADs per channel on sign-extended pairs (input offset added by SXTAB16).
#include "kernels/arm/dsp_intrinsics.h"
#include "kernels/conv.h"

namespace tinyrt {

void conv2d_s8_dsp(const ConvParams& p, const int8_t* input, const int8_t* filter, const int32_t* bias,
                   int8_t* output) {
  const Shape4D& in = p.input;
  const Shape4D& f = p.filter;
  const Shape4D& out = p.output;
  const int32_t depth = in.channels;
  const int32_t filter_stride = f.height * f.width * depth;  /// one output channel's weights
  const uint32_t offset2 = dsp::dup16(p.input_offset);
  int8_t* o = output;
  for (int32_t b = 0; b < out.batch; ++b) {
    const int8_t* in_batch = input + b * in.height * in.width * depth;
    for (int32_t oy = 0; oy < out.height; ++oy) {
      const int32_t iy0 = oy * p.stride_h - p.pad_h;
      int32_t ky_lo, ky_hi;
      conv_tap_range(iy0, p.dilation_h, in.height, f.height, &ky_lo, &ky_hi);
      for (int32_t ox = 0; ox < out.width; ++ox) {
        const int32_t ix0 = ox * p.stride_w - p.pad_w;
        int32_t kx_lo, kx_hi;
        conv_tap_range(ix0, p.dilation_w, in.width, f.width, &kx_lo, &kx_hi);
        int32_t oc = 0;
        for (; oc + 2 <= out.channels; oc += 2) {
          int32_t acc0 = bias != nullptr ? bias[oc] : 0;
          int32_t acc1 = bias != nullptr ? bias[oc + 1] : 0;
          for (int32_t ky = ky_lo; ky < ky_hi; ++ky) {
            const int32_t iy = iy0 + ky * p.dilation_h;
            for (int32_t kx = kx_lo; kx < kx_hi; ++kx) {
              const int32_t ix = ix0 + kx * p.dilation_w;
              const int8_t* ip = in_batch + (iy * in.width + ix) * depth;
              const int8_t* w0 = filter + oc * filter_stride + (ky * f.width + kx) * depth;
              const int8_t* w1 = w0 + filter_stride;
              const int8_t* const ip_end4 = ip + (depth & ~3);
              while (ip != ip_end4) {
                const uint32_t x = dsp::load_s8x4(ip);
                const uint32_t x_even = dsp::sxtab16(offset2, x);       /// channels 0, 2
                const uint32_t x_odd = dsp::sxtab16_ror8(offset2, x);   /// channels 1, 3
                const uint32_t a = dsp::load_s8x4(w0);
                acc0 = dsp::smlad(dsp::sxtb16(a), x_even, acc0);
                acc0 = dsp::smlad(dsp::sxtb16_ror8(a), x_odd, acc0);
                const uint32_t c = dsp::load_s8x4(w1);
                acc1 = dsp::smlad(dsp::sxtb16(c), x_even, acc1);
                acc1 = dsp::smlad(dsp::sxtb16_ror8(c), x_odd, acc1);
                ip += 4;
                w0 += 4;
                w1 += 4;
              }
              for (int32_t r = depth & 3; r > 0; --r) {
                const int32_t xv = *ip++ + p.input_offset;
                acc0 += *w0++ * xv;
                acc1 += *w1++ * xv;
              }
            }
          }
          o[oc] = static_cast<int8_t>(conv_requantize(p, acc0, oc));
          o[oc + 1] = static_cast<int8_t>(conv_requantize(p, acc1, oc + 1));
        }
        if (oc < out.channels) {  /// odd channel count: the last one alone
          int32_t acc = bias != nullptr ? bias[oc] : 0;
          for (int32_t ky = ky_lo; ky < ky_hi; ++ky) {
            const int32_t iy = iy0 + ky * p.dilation_h;
            for (int32_t kx = kx_lo; kx < kx_hi; ++kx) {
              const int32_t ix = ix0 + kx * p.dilation_w;
              const int8_t* ip = in_batch + (iy * in.width + ix) * depth;
              const int8_t* w = filter + oc * filter_stride + (ky * f.width + kx) * depth;
              int32_t i = 0;
              for (; i + 4 <= depth; i += 4) {
                const uint32_t x = dsp::load_s8x4(ip + i);
                const uint32_t a = dsp::load_s8x4(w + i);
                acc = dsp::smlad(dsp::sxtb16(a), dsp::sxtab16(offset2, x), acc);
                acc = dsp::smlad(dsp::sxtb16_ror8(a), dsp::sxtab16_ror8(offset2, x), acc);
              }
              for (; i < depth; ++i) acc += w[i] * (ip[i] + p.input_offset);
            }
          }
          o[oc] = static_cast<int8_t>(conv_requantize(p, acc, oc));
        }
        o += out.channels;
      }
    }
  }
}

}  // namespace tinyrt
