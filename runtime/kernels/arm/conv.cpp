/// CONV_2D for Cortex-M DSP. Per output pixel, the receptive field is made one
/// contiguous run in the same (ky, kx, c) order as an OHWI filter row: a 1x1 filter
/// reads the input in place; other windows up to kMaxWindow bytes are gathered into a
/// small stack buffer, out-of-bounds taps filled with the input zero point (so
/// x - zp = 0, exactly what the reference's skipped taps contribute). Then two output
/// channels at a time take one dot product over the run, four int8 per step, two
/// SMLADs per channel on sign-extended pairs (the input offset added by SXTAB16).
/// Larger windows walk the in-bounds filter rows instead.
#include "kernels/arm/dsp_intrinsics.h"
#include "kernels/conv.h"

namespace tinyrt {

namespace {

/// acc0 += w0 . (x + offset), acc1 += w1 . (x + offset) over n int8.
inline void dot2(const int8_t* x, const int8_t* w0, const int8_t* w1, int32_t n, uint32_t offset2, int32_t offset,
                 int32_t* acc0_io, int32_t* acc1_io) {
  int32_t acc0 = *acc0_io;
  int32_t acc1 = *acc1_io;
  const int8_t* const x_end4 = x + (n & ~3);
  while (x != x_end4) {
    const uint32_t xv = dsp::load_s8x4(x);
    const uint32_t x_even = dsp::sxtab16(offset2, xv);      /// elements 0, 2
    const uint32_t x_odd = dsp::sxtab16_ror8(offset2, xv);  /// elements 1, 3
    const uint32_t a = dsp::load_s8x4(w0);
    acc0 = dsp::smlad(dsp::sxtb16(a), x_even, acc0);
    acc0 = dsp::smlad(dsp::sxtb16_ror8(a), x_odd, acc0);
    const uint32_t b = dsp::load_s8x4(w1);
    acc1 = dsp::smlad(dsp::sxtb16(b), x_even, acc1);
    acc1 = dsp::smlad(dsp::sxtb16_ror8(b), x_odd, acc1);
    x += 4;
    w0 += 4;
    w1 += 4;
  }
  for (int32_t r = n & 3; r > 0; --r) {
    const int32_t xv = *x++ + offset;
    acc0 += *w0++ * xv;
    acc1 += *w1++ * xv;
  }
  *acc0_io = acc0;
  *acc1_io = acc1;
}

/// acc += w . (x + offset) over n int8.
inline int32_t dot1(const int8_t* x, const int8_t* w, int32_t n, uint32_t offset2, int32_t offset, int32_t acc) {
  int32_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const uint32_t xv = dsp::load_s8x4(x + i);
    const uint32_t a = dsp::load_s8x4(w + i);
    acc = dsp::smlad(dsp::sxtb16(a), dsp::sxtab16(offset2, xv), acc);
    acc = dsp::smlad(dsp::sxtb16_ror8(a), dsp::sxtab16_ror8(offset2, xv), acc);
  }
  for (; i < n; ++i) acc += w[i] * (x[i] + offset);
  return acc;
}

/// Largest gathered window (bytes of stack): covers 3x3x64 and 10x4x1 layers.
constexpr int32_t kMaxWindow = 1024;

/// Copies the receptive field of one output pixel into window (ky, kx, c order).
void gather_window(const ConvParams& p, const int8_t* in_batch, int32_t iy0, int32_t ix0, int8_t* window) {
  const Shape4D& in = p.input;
  const int32_t depth = in.channels;
  const int8_t pad = static_cast<int8_t>(-p.input_offset);
  int8_t* dst = window;
  for (int32_t ky = 0; ky < p.filter.height; ++ky) {
    const int32_t iy = iy0 + ky * p.dilation_h;
    const bool row_in = iy >= 0 && iy < in.height;
    for (int32_t kx = 0; kx < p.filter.width; ++kx) {
      const int32_t ix = ix0 + kx * p.dilation_w;
      if (row_in && ix >= 0 && ix < in.width) {
        const int8_t* src = in_batch + (iy * in.width + ix) * depth;
        for (int32_t c = 0; c < depth; ++c) dst[c] = src[c];
      } else {
        for (int32_t c = 0; c < depth; ++c) dst[c] = pad;
      }
      dst += depth;
    }
  }
}

/// Every output channel of one pixel from one contiguous receptive field.
void pixel_from_run(const ConvParams& p, const int8_t* run, int32_t run_len, const int8_t* filter,
                    const int32_t* bias, uint32_t offset2, int8_t* o) {
  const int32_t channels = p.output.channels;
  int32_t oc = 0;
  for (; oc + 2 <= channels; oc += 2) {
    int32_t acc0 = bias != nullptr ? bias[oc] : 0;
    int32_t acc1 = bias != nullptr ? bias[oc + 1] : 0;
    const int8_t* w0 = filter + oc * run_len;
    dot2(run, w0, w0 + run_len, run_len, offset2, p.input_offset, &acc0, &acc1);
    o[oc] = static_cast<int8_t>(conv_requantize(p, acc0, oc));
    o[oc + 1] = static_cast<int8_t>(conv_requantize(p, acc1, oc + 1));
  }
  if (oc < channels) {
    const int32_t acc =
        dot1(run, filter + oc * run_len, run_len, offset2, p.input_offset, bias != nullptr ? bias[oc] : 0);
    o[oc] = static_cast<int8_t>(conv_requantize(p, acc, oc));
  }
}

}  // namespace

void conv2d_s8_dsp(const ConvParams& p, const int8_t* input, const int8_t* filter, const int32_t* bias,
                   int8_t* output) {
  const Shape4D& in = p.input;
  const Shape4D& f = p.filter;
  const Shape4D& out = p.output;
  const int32_t depth = in.channels;
  const int32_t filter_stride = f.height * f.width * depth;  /// one output channel's weights
  const uint32_t offset2 = dsp::dup16(p.input_offset);
  const bool contiguous_rows = p.dilation_w == 1;
  const bool pointwise = f.height == 1 && f.width == 1;
  const bool gather = !pointwise && filter_stride <= kMaxWindow;
  int8_t window[kMaxWindow];
  int8_t* o = output;
  for (int32_t b = 0; b < out.batch; ++b) {
    const int8_t* in_batch = input + b * in.height * in.width * depth;
    for (int32_t oy = 0; oy < out.height; ++oy) {
      const int32_t iy0 = oy * p.stride_h - p.pad_h;
      int32_t ky_lo, ky_hi;
      conv_tap_range(iy0, p.dilation_h, in.height, f.height, &ky_lo, &ky_hi);
      for (int32_t ox = 0; ox < out.width; ++ox) {
        const int32_t ix0 = ox * p.stride_w - p.pad_w;
        if (pointwise) {  /// 1x1: the pixel's channels are the run (never padded)
          pixel_from_run(p, in_batch + (iy0 * in.width + ix0) * depth, depth, filter, bias, offset2, o);
          o += out.channels;
          continue;
        }
        if (gather) {
          gather_window(p, in_batch, iy0, ix0, window);
          pixel_from_run(p, window, filter_stride, filter, bias, offset2, o);
          o += out.channels;
          continue;
        }
        int32_t kx_lo, kx_hi;
        conv_tap_range(ix0, p.dilation_w, in.width, f.width, &kx_lo, &kx_hi);
        /// Runs per filter row and their length in int8.
        const int32_t runs = contiguous_rows ? (kx_hi > kx_lo ? 1 : 0) : kx_hi - kx_lo;
        const int32_t run_len = contiguous_rows ? (kx_hi - kx_lo) * depth : depth;
        int32_t oc = 0;
        for (; oc + 2 <= out.channels; oc += 2) {
          int32_t acc0 = bias != nullptr ? bias[oc] : 0;
          int32_t acc1 = bias != nullptr ? bias[oc + 1] : 0;
          for (int32_t ky = ky_lo; ky < ky_hi; ++ky) {
            const int8_t* row = in_batch + (iy0 + ky * p.dilation_h) * in.width * depth;
            const int8_t* w_row = filter + oc * filter_stride + ky * f.width * depth;
            for (int32_t t = 0; t < runs; ++t) {
              const int32_t kx = kx_lo + t;
              const int8_t* w0 = w_row + kx * depth;
              dot2(row + (ix0 + kx * p.dilation_w) * depth, w0, w0 + filter_stride, run_len, offset2,
                   p.input_offset, &acc0, &acc1);
            }
          }
          o[oc] = static_cast<int8_t>(conv_requantize(p, acc0, oc));
          o[oc + 1] = static_cast<int8_t>(conv_requantize(p, acc1, oc + 1));
        }
        if (oc < out.channels) {  /// odd channel count: the last one alone
          int32_t acc = bias != nullptr ? bias[oc] : 0;
          for (int32_t ky = ky_lo; ky < ky_hi; ++ky) {
            const int8_t* row = in_batch + (iy0 + ky * p.dilation_h) * in.width * depth;
            const int8_t* w_row = filter + oc * filter_stride + ky * f.width * depth;
            for (int32_t t = 0; t < runs; ++t) {
              const int32_t kx = kx_lo + t;
              acc = dot1(row + (ix0 + kx * p.dilation_w) * depth, w_row + kx * depth, run_len, offset2,
                         p.input_offset, acc);
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
