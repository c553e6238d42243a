#pragma once
// Depthwise convolution (DEPTHWISE_CONV_2D, depth multiplier 1): one kernel per
// channel; followed by a 1x1 conv2d it makes a depthwise-separable convolution.
#include "train/activation.h"
#include "train/conv_geometry.h"
#include "train/layer.h"
#include "sensors/seeded_random.h"

namespace tinysim {

class DepthwiseConvLayer : public Layer {
 public:
  DepthwiseConvLayer(const ConvGeometry& geometry, LayerActivation activation, SeededRandom& random);

  LayerKind kind() const override { return LayerKind::kDepthwiseConv2D; }
  std::string kind_name() const override { return "depthwise_conv2d"; }
  TensorShape input_shape() const override { return geometry_.input; }
  TensorShape output_shape() const override { return {geometry_.out_h, geometry_.out_w, geometry_.input.channels}; }
  Eigen::MatrixXf forward(const Eigen::MatrixXf& input, bool training) override;
  Eigen::MatrixXf backward(const Eigen::MatrixXf& output_gradient) override;
  std::vector<Parameter> parameters() override {
    return {{&weights_, &weight_gradient_, true}, {&bias_, &bias_gradient_, false}};
  }
  size_t parameters_count() const override { return 2; }
  uint64_t macs() const override { return uint64_t(output_shape().size()) * uint64_t(weights_.cols()); }

  const ConvGeometry& geometry() const { return geometry_; }
  LayerActivation activation() const { return activation_; }
  /// [channels x taps], tap = kh * kernel_w + kw (TFLite's 1HWC is tap-major).
  const Eigen::MatrixXf& weights() const { return weights_; }
  const Eigen::MatrixXf& bias() const { return bias_; }

 private:
  ConvGeometry geometry_;
  LayerActivation activation_;
  Eigen::MatrixXf weights_, weight_gradient_, bias_, bias_gradient_;
  Eigen::MatrixXf last_input_, last_output_;
};

}  // namespace tinysim
