#include "train/conv_geometry.h"

#include "kernels/conv_params.h"

namespace tinysim {

ConvGeometry conv_geometry(TensorShape input, const WindowSettings& window) {
  ConvGeometry g;
  g.input = input;
  g.window = window;
  g.out_h = tinyrt::conv_output_size(window.padding, input.height, window.kernel_h, window.stride_h, 1);
  g.out_w = tinyrt::conv_output_size(window.padding, input.width, window.kernel_w, window.stride_w, 1);
  if (g.out_h > 0 && g.out_w > 0) {
    g.pad_h = tinyrt::conv_padding_before(input.height, window.kernel_h, window.stride_h, 1, g.out_h);
    g.pad_w = tinyrt::conv_padding_before(input.width, window.kernel_w, window.stride_w, 1, g.out_w);
  }
  return g;
}

}  // namespace tinysim
