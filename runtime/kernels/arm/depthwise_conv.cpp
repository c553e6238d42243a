/// DEPTHWISE_CONV_2D for Cortex-M DSP. Depth multiplier 1 (the common case): four
/// channels per step, one 32-bit load of input and of weights per tap, SXTAB16 /
/// SXTB16 into halfword pairs and SMLABB/SMLATT into four accumulators (the
/// reduction runs over taps, not channels, so pairs cannot share one SMLAD).
/// Other multipliers use a plain loop over the in-bounds taps.
#include "kernels/arm/dsp_intrinsics.h"
#include "kernels/depthwise_conv.h"

namespace tinyrt {

namespace {

void depthwise_multiplier1(const ConvParams& p, const int8_t* input, const int8_t* filter, const int32_t* bias,
                           int8_t* output) {
  const Shape4D& in = p.input;
  const Shape4D& f = p.filter;
  const Shape4D& out = p.output;
  const int32_t depth = in.channels;
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
        int32_t c = 0;
        for (; c + 4 <= depth; c += 4) {
          int32_t acc0 = 0, acc1 = 0, acc2 = 0, acc3 = 0;
          if (bias != nullptr) {
            acc0 = bias[c];
            acc1 = bias[c + 1];
            acc2 = bias[c + 2];
            acc3 = bias[c + 3];
          }
          for (int32_t ky = ky_lo; ky < ky_hi; ++ky) {
            const int32_t iy = iy0 + ky * p.dilation_h;
            const int8_t* ip = in_batch + (iy * in.width + ix0 + kx_lo * p.dilation_w) * depth + c;
            const int8_t* wp = filter + (ky * f.width + kx_lo) * depth + c;
            const int32_t ip_step = p.dilation_w * depth;
            for (int32_t kx = kx_lo; kx < kx_hi; ++kx) {
              const uint32_t x = dsp::load_s8x4(ip);
              const uint32_t w = dsp::load_s8x4(wp);
              const uint32_t x_even = dsp::sxtab16(offset2, x);      /// channels c, c+2
              const uint32_t x_odd = dsp::sxtab16_ror8(offset2, x);  /// channels c+1, c+3
              const uint32_t w_even = dsp::sxtb16(w);
              const uint32_t w_odd = dsp::sxtb16_ror8(w);
              acc0 = dsp::smlabb(x_even, w_even, acc0);
              acc2 = dsp::smlatt(x_even, w_even, acc2);
              acc1 = dsp::smlabb(x_odd, w_odd, acc1);
              acc3 = dsp::smlatt(x_odd, w_odd, acc3);
              ip += ip_step;
              wp += depth;
            }
          }
          o[c] = static_cast<int8_t>(conv_requantize(p, acc0, c));
          o[c + 1] = static_cast<int8_t>(conv_requantize(p, acc1, c + 1));
          o[c + 2] = static_cast<int8_t>(conv_requantize(p, acc2, c + 2));
          o[c + 3] = static_cast<int8_t>(conv_requantize(p, acc3, c + 3));
        }
        for (; c < depth; ++c) {  /// channel count not a multiple of four
          int32_t acc = bias != nullptr ? bias[c] : 0;
          for (int32_t ky = ky_lo; ky < ky_hi; ++ky) {
            const int32_t iy = iy0 + ky * p.dilation_h;
            for (int32_t kx = kx_lo; kx < kx_hi; ++kx) {
              const int32_t ix = ix0 + kx * p.dilation_w;
              acc += filter[(ky * f.width + kx) * depth + c] * (in_batch[(iy * in.width + ix) * depth + c] + p.input_offset);
            }
          }
          o[c] = static_cast<int8_t>(conv_requantize(p, acc, c));
        }
        o += depth;
      }
    }
  }
}

void depthwise_generic(const ConvParams& p, const int8_t* input, const int8_t* filter, const int32_t* bias,
                       int8_t* output) {
  const Shape4D& in = p.input;
  const Shape4D& f = p.filter;
  const Shape4D& out = p.output;
  const int32_t mult = p.depth_multiplier;
  int8_t* o = output;
  for (int32_t b = 0; b < out.batch; ++b) {
    const int8_t* in_batch = input + b * in.height * in.width * in.channels;
    for (int32_t oy = 0; oy < out.height; ++oy) {
      const int32_t iy0 = oy * p.stride_h - p.pad_h;
      int32_t ky_lo, ky_hi;
      conv_tap_range(iy0, p.dilation_h, in.height, f.height, &ky_lo, &ky_hi);
      for (int32_t ox = 0; ox < out.width; ++ox) {
        const int32_t ix0 = ox * p.stride_w - p.pad_w;
        int32_t kx_lo, kx_hi;
        conv_tap_range(ix0, p.dilation_w, in.width, f.width, &kx_lo, &kx_hi);
        for (int32_t oc = 0; oc < out.channels; ++oc) {
          const int32_t ic = oc / mult;
          int32_t acc = bias != nullptr ? bias[oc] : 0;
          for (int32_t ky = ky_lo; ky < ky_hi; ++ky) {
            const int32_t iy = iy0 + ky * p.dilation_h;
            for (int32_t kx = kx_lo; kx < kx_hi; ++kx) {
              const int32_t ix = ix0 + kx * p.dilation_w;
              acc += filter[(ky * f.width + kx) * f.channels + oc] *
                     (in_batch[(iy * in.width + ix) * in.channels + ic] + p.input_offset);
            }
          }
          o[oc] = static_cast<int8_t>(conv_requantize(p, acc, oc));
        }
        o += out.channels;
      }
    }
  }
}

}  // namespace

void depthwise_conv2d_s8_dsp(const ConvParams& p, const int8_t* input, const int8_t* filter, const int32_t* bias,
                             int8_t* output) {
  if (p.depth_multiplier == 1) {
    depthwise_multiplier1(p, input, filter, bias, output);
  } else {
    depthwise_generic(p, input, filter, bias, output);
  }
}

}  // namespace tinyrt
