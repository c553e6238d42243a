#include "train/depthwise_conv_layer.h"

#include "train/weight_init.h"

namespace tinysim {

DepthwiseConvLayer::DepthwiseConvLayer(const ConvGeometry& geometry, LayerActivation activation,
                                       SeededRandom& random)
    : geometry_(geometry), activation_(activation) {
  const int32_t taps = geometry.window.kernel_h * geometry.window.kernel_w;
  const int32_t channels = geometry.input.channels;
  weights_ = glorot_uniform(channels, taps, taps, taps, random);
  weight_gradient_ = Eigen::MatrixXf::Zero(channels, taps);
  bias_ = bias_gradient_ = Eigen::MatrixXf::Zero(channels, 1);
}

Eigen::MatrixXf DepthwiseConvLayer::forward(const Eigen::MatrixXf& input, bool training) {
  const int32_t channels = geometry_.input.channels;
  Eigen::MatrixXf out(output_shape().size(), input.cols());
  for (Eigen::Index e = 0; e < input.cols(); ++e) {
    const float* x = input.col(e).data();
    Eigen::Map<Eigen::MatrixXf> y(out.col(e).data(), channels, geometry_.out_h * geometry_.out_w);
    y.colwise() = bias_.col(0);
    geometry_.for_each_tap([&](int32_t position, int32_t tap, int32_t pixel) {
      for (int32_t c = 0; c < channels; ++c) y(c, position) += weights_(c, tap) * x[pixel * channels + c];
    });
  }
  activate(activation_, out);
  if (training) {
    last_input_ = input;
    last_output_ = out;
  }
  return out;
}

Eigen::MatrixXf DepthwiseConvLayer::backward(const Eigen::MatrixXf& output_gradient) {
  const int32_t channels = geometry_.input.channels;
  const int32_t positions = geometry_.out_h * geometry_.out_w;
  const Eigen::MatrixXf pre = activation_gradient(activation_, last_output_, output_gradient);
  Eigen::MatrixXf input_gradient = Eigen::MatrixXf::Zero(geometry_.input.size(), pre.cols());
  for (Eigen::Index e = 0; e < pre.cols(); ++e) {
    const float* x = last_input_.col(e).data();
    Eigen::Map<const Eigen::MatrixXf> gy(pre.col(e).data(), channels, positions);
    float* gx = input_gradient.col(e).data();
    bias_gradient_ += gy.rowwise().sum();
    geometry_.for_each_tap([&](int32_t position, int32_t tap, int32_t pixel) {
      for (int32_t c = 0; c < channels; ++c) {
        weight_gradient_(c, tap) += gy(c, position) * x[pixel * channels + c];
        gx[pixel * channels + c] += gy(c, position) * weights_(c, tap);
      }
    });
  }
  return input_gradient;
}

}  // namespace tinysim
