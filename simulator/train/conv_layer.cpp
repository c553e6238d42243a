#include "train/conv_layer.h"

#include "train/weight_init.h"

namespace tinysim {

ConvLayer::ConvLayer(const ConvGeometry& geometry, int32_t filters, LayerActivation activation,
                     SeededRandom& random)
    : geometry_(geometry), filters_(filters), activation_(activation) {
  const int32_t taps = geometry.window.kernel_h * geometry.window.kernel_w;
  const int32_t fan_in = taps * geometry.input.channels;
  weights_ = glorot_uniform(filters, fan_in, fan_in, taps * filters, random);
  weight_gradient_ = Eigen::MatrixXf::Zero(filters, fan_in);
  bias_ = bias_gradient_ = Eigen::MatrixXf::Zero(filters, 1);
}

uint64_t ConvLayer::macs() const {
  return uint64_t(output_shape().size()) * uint64_t(weights_.cols());
}

Eigen::MatrixXf ConvLayer::patches(const float* example) const {
  const int32_t channels = geometry_.input.channels;
  Eigen::MatrixXf p = Eigen::MatrixXf::Zero(weights_.cols(), geometry_.out_h * geometry_.out_w);
  geometry_.for_each_tap([&](int32_t position, int32_t tap, int32_t pixel) {
    for (int32_t c = 0; c < channels; ++c) p(tap * channels + c, position) = example[pixel * channels + c];
  });
  return p;
}

void ConvLayer::add_patch_gradient(const Eigen::MatrixXf& pg, float* example_gradient) const {
  const int32_t channels = geometry_.input.channels;
  geometry_.for_each_tap([&](int32_t position, int32_t tap, int32_t pixel) {
    for (int32_t c = 0; c < channels; ++c) example_gradient[pixel * channels + c] += pg(tap * channels + c, position);
  });
}

Eigen::MatrixXf ConvLayer::forward(const Eigen::MatrixXf& input, bool training) {
  const Eigen::Index examples = input.cols();
  const int32_t positions = geometry_.out_h * geometry_.out_w;
  Eigen::MatrixXf out(output_shape().size(), examples);
  if (training) last_patches_.resize(static_cast<size_t>(examples));
  for (Eigen::Index e = 0; e < examples; ++e) {
    Eigen::MatrixXf p = patches(input.col(e).data());
    Eigen::Map<Eigen::MatrixXf> y(out.col(e).data(), filters_, positions);
    y = weights_ * p;
    y.colwise() += bias_.col(0);
    if (training) last_patches_[static_cast<size_t>(e)] = std::move(p);
  }
  activate(activation_, out);
  if (training) last_output_ = out;
  return out;
}

Eigen::MatrixXf ConvLayer::backward(const Eigen::MatrixXf& output_gradient) {
  const Eigen::MatrixXf pre = activation_gradient(activation_, last_output_, output_gradient);
  const int32_t positions = geometry_.out_h * geometry_.out_w;
  Eigen::MatrixXf input_gradient = Eigen::MatrixXf::Zero(geometry_.input.size(), pre.cols());
  for (Eigen::Index e = 0; e < pre.cols(); ++e) {
    Eigen::Map<const Eigen::MatrixXf> g(pre.col(e).data(), filters_, positions);
    const Eigen::MatrixXf& p = last_patches_[static_cast<size_t>(e)];
    weight_gradient_ += g * p.transpose();
    bias_gradient_ += g.rowwise().sum();
    add_patch_gradient(weights_.transpose() * g, input_gradient.col(e).data());
  }
  return input_gradient;
}

}  // namespace tinysim
