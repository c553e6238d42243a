/// DEPTHWISE_CONV_2D for Cortex-M DSP. Depth multiplier 1 (the common case): four
/// channels per step, one 32-bit load of input and of weights per tap, SXTAB16 /
/// SXTB16 into halfword pairs and SMLABB/SMLATT into four accumulators (the
/// reduction runs over taps, not channels, so pairs cannot share one SMLAD).
/// Other multipliers use a plain loop over the in-bounds taps.
#include "kernels/arm/dsp_intrinsics.h"
#include "kernels/depthwise_conv.h"

namespace tinyrt {

namespace {

/// One output pixel, four channels: the in-bounds window (rows x cols taps) into
/// acc[0..3]. Kept out of line so the hot loop gets the registers to itself: four
/// accumulators, two pointers, the step, the offset and four temporaries.
__attribute__((noinline)) void window_mac4(const int8_t* ip, const int8_t* wp, int32_t rows, int32_t cols,
                                           int32_t ip_col_step, int32_t ip_row_step, int32_t w_row_step,
                                           int32_t depth, uint32_t offset2, int32_t* acc) {
  int32_t acc0 = acc[0], acc1 = acc[1], acc2 = acc[2], acc3 = acc[3];
  for (int32_t r = 0; r < rows; ++r) {
    const int8_t* x_ptr = ip;
    const int8_t* w_ptr = wp;
    for (int32_t k = cols; k > 0; --k) {
      const uint32_t x = dsp::load_s8x4(x_ptr);
      const uint32_t w = dsp::load_s8x4(w_ptr);
      const uint32_t x_even = dsp::sxtab16(offset2, x);      /// channels c, c+2
      const uint32_t x_odd = dsp::sxtab16_ror8(offset2, x);  /// channels c+1, c+3
      const uint32_t w_even = dsp::sxtb16(w);
      const uint32_t w_odd = dsp::sxtb16_ror8(w);
      acc0 = dsp::smlabb(x_even, w_even, acc0);
      acc2 = dsp::smlatt(x_even, w_even, acc2);
      acc1 = dsp::smlabb(x_odd, w_odd, acc1);
      acc3 = dsp::smlatt(x_odd, w_odd, acc3);
      x_ptr += ip_col_step;
      w_ptr += depth;
    }
    ip += ip_row_step;
    wp += w_row_step;
  }
  acc[0] = acc0;
  acc[1] = acc1;
  acc[2] = acc2;
  acc[3] = acc3;
}

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
        const int8_t* ip0 = in_batch + ((iy0 + ky_lo * p.dilation_h) * in.width + ix0 + kx_lo * p.dilation_w) * depth;
        const int8_t* wp0 = filter + (ky_lo * f.width + kx_lo) * depth;
        int32_t c = 0;
        for (; c + 4 <= depth; c += 4) {
          int32_t acc[4] = {0, 0, 0, 0};
          if (bias != nullptr) {
            for (int32_t i = 0; i < 4; ++i) acc[i] = bias[c + i];
          }
          window_mac4(ip0 + c, wp0 + c, ky_hi - ky_lo, kx_hi - kx_lo, p.dilation_w * depth,
                      p.dilation_h * in.width * depth, f.width * depth, depth, offset2, acc);
          for (int32_t i = 0; i < 4; ++i) o[c + i] = static_cast<int8_t>(conv_requantize(p, acc[i], c + i));
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
