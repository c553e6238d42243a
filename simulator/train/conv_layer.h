#pragma once
// 2-D convolution (CONV_2D), also the trainer's conv1d: a 1 x k kernel over a
// height-1 input. Implemented as im2col + one matrix product per example.
#include "train/activation.h"
#include "train/conv_geometry.h"
#include "train/layer.h"
#include "sensors/seeded_random.h"

namespace tinysim {

class ConvLayer : public Layer {
 public:
  ConvLayer(const ConvGeometry& geometry, int32_t filters, LayerActivation activation, SeededRandom& random);

  LayerKind kind() const override { return LayerKind::kConv2D; }
  std::string kind_name() const override { return "conv2d"; }
  TensorShape input_shape() const override { return geometry_.input; }
  TensorShape output_shape() const override { return {geometry_.out_h, geometry_.out_w, filters_}; }
  Eigen::MatrixXf forward(const Eigen::MatrixXf& input, bool training) override;
  Eigen::MatrixXf backward(const Eigen::MatrixXf& output_gradient) override;
  std::vector<Parameter> parameters() override {
    return {{&weights_, &weight_gradient_, true}, {&bias_, &bias_gradient_, false}};
  }
  size_t parameters_count() const override { return 2; }
  uint64_t macs() const override;

  const ConvGeometry& geometry() const { return geometry_; }
  LayerActivation activation() const { return activation_; }
  /// [filters x (kernel_h * kernel_w * in_channels)]: row-major it is TFLite's OHWI.
  const Eigen::MatrixXf& weights() const { return weights_; }
  const Eigen::MatrixXf& bias() const { return bias_; }

 private:
  Eigen::MatrixXf patches(const float* example) const;
  void add_patch_gradient(const Eigen::MatrixXf& patch_gradient, float* example_gradient) const;

  ConvGeometry geometry_;
  int32_t filters_;
  LayerActivation activation_;
  Eigen::MatrixXf weights_, weight_gradient_, bias_, bias_gradient_;
  std::vector<Eigen::MatrixXf> last_patches_;
  Eigen::MatrixXf last_output_;
};

}  // namespace tinysim
