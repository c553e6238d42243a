#pragma once
// Where a sliding window (convolution or pooling) goes over an input: output size and
// padding by TFLite's rule, taken from the runtime's own kernels/conv_params so the
// trainer and the MCU agree on every position.
#include <cstdint>

#include "common/padding.h"
#include "train/layer.h"

namespace tinysim {

struct WindowSettings {
  int32_t kernel_h = 1, kernel_w = 1;
  int32_t stride_h = 1, stride_w = 1;
  tinyrt::Padding padding = tinyrt::Padding::kValid;
};

struct ConvGeometry {
  TensorShape input;
  WindowSettings window;
  int32_t out_h = 0, out_w = 0;
  int32_t pad_h = 0, pad_w = 0;  ///< rows / columns of padding before the first

  /// Input index (ih * W + iw) for kernel tap (kh, kw) of output (oh, ow), or -1 in padding.
  int32_t input_pixel(int32_t oh, int32_t ow, int32_t kh, int32_t kw) const {
    const int32_t ih = oh * window.stride_h - pad_h + kh;
    const int32_t iw = ow * window.stride_w - pad_w + kw;
    if (ih < 0 || iw < 0 || ih >= input.height || iw >= input.width) return -1;
    return ih * input.width + iw;
  }

  /// Calls visit(position, tap, pixel) for every kernel tap that lies inside the input:
  /// position = oh * out_w + ow, tap = kh * kernel_w + kw, pixel = ih * width + iw.
  template <class Visit>
  void for_each_tap(Visit visit) const {
    for (int32_t oh = 0; oh < out_h; ++oh)
      for (int32_t ow = 0; ow < out_w; ++ow)
        for (int32_t kh = 0; kh < window.kernel_h; ++kh)
          for (int32_t kw = 0; kw < window.kernel_w; ++kw) {
            const int32_t pixel = input_pixel(oh, ow, kh, kw);
            if (pixel >= 0) visit(oh * out_w + ow, kh * window.kernel_w + kw, pixel);
          }
  }
};

/// The geometry, or out_h/out_w <= 0 when the window does not fit the input.
ConvGeometry conv_geometry(TensorShape input, const WindowSettings& window);

}  // namespace tinysim
