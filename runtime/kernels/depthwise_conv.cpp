#include "kernels/depthwise_conv.h"

namespace tinyrt {

KernelStatus depthwise_conv2d_s8_prepare(const ConvOptions& options, const Shape4D& input,
                                         const QuantParams& input_q, const Shape4D& filter,
                                         const float* filter_scales, int32_t filter_scale_count,
                                         const Shape4D& output, const QuantParams& output_q,
                                         int32_t* multiplier_storage, int32_t* shift_storage, ConvParams* params) {
  /// Like TFLite, the multiplier comes from the shapes; the option (0 in many files,
  /// the schema has no default) is only checked when set.
  if (filter.batch != 1 || input.channels < 1 || filter.channels % input.channels != 0) {
    return KernelStatus::kBadShape;
  }
  const int32_t multiplier = filter.channels / input.channels;
  if (options.depth_multiplier != 0 && options.depth_multiplier != multiplier) return KernelStatus::kBadShape;
  const KernelStatus s = conv_prepare_common(options, input, input_q, filter, filter_scales, filter_scale_count,
                                             output, output_q, filter.channels, multiplier_storage, shift_storage,
                                             params);
  params->depth_multiplier = multiplier;
  return s;
}

int32_t depthwise_conv2d_s8_scratch_bytes(const ConvParams&) { return 0; }

void depthwise_conv2d_s8_reference(const ConvParams& p, const int8_t* input, const int8_t* filter,
                                   const int32_t* bias, int8_t* output) {
  const Shape4D& in = p.input;
  const Shape4D& f = p.filter;
  const Shape4D& out = p.output;
  for (int32_t b = 0; b < out.batch; ++b) {
    for (int32_t oy = 0; oy < out.height; ++oy) {
      for (int32_t ox = 0; ox < out.width; ++ox) {
        for (int32_t ic = 0; ic < in.channels; ++ic) {
          for (int32_t m = 0; m < p.depth_multiplier; ++m) {
            const int32_t oc = ic * p.depth_multiplier + m;
            int32_t acc = 0;
            for (int32_t ky = 0; ky < f.height; ++ky) {
              const int32_t iy = oy * p.stride_h - p.pad_h + ky * p.dilation_h;
              if (iy < 0 || iy >= in.height) continue;
              for (int32_t kx = 0; kx < f.width; ++kx) {
                const int32_t ix = ox * p.stride_w - p.pad_w + kx * p.dilation_w;
                if (ix < 0 || ix >= in.width) continue;
                const int32_t x = input[((b * in.height + iy) * in.width + ix) * in.channels + ic];
                const int32_t w = filter[(ky * f.width + kx) * f.channels + oc];
                acc += w * (x + p.input_offset);
              }
            }
            if (bias != nullptr) acc += bias[oc];
            output[((b * out.height + oy) * out.width + ox) * out.channels + oc] =
                static_cast<int8_t>(conv_requantize(p, acc, oc));
          }
        }
      }
    }
  }
}

}  // namespace tinyrt
