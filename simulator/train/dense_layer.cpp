#include "train/dense_layer.h"

#include <cmath>

#include "train/weight_init.h"

namespace tinysim {

DenseLayer::DenseLayer(TensorShape input, int32_t units, LayerActivation activation, SeededRandom& random)
    : input_(input), units_(units), activation_(activation) {
  weights_ = glorot_uniform(units, input.size(), input.size(), units, random);
  weight_gradient_ = Eigen::MatrixXf::Zero(units, input.size());
  bias_ = bias_gradient_ = Eigen::MatrixXf::Zero(units, 1);
}

Eigen::MatrixXf DenseLayer::forward(const Eigen::MatrixXf& input, bool training) {
  Eigen::MatrixXf out = weights_ * input;
  out.colwise() += bias_.col(0);
  activate(activation_, out);
  if (training) {
    last_input_ = input;
    last_output_ = out;
  }
  return out;
}

Eigen::MatrixXf DenseLayer::backward(const Eigen::MatrixXf& output_gradient) {
  const Eigen::MatrixXf pre = activation_gradient(activation_, last_output_, output_gradient);
  weight_gradient_ += pre * last_input_.transpose();
  bias_gradient_ += pre.rowwise().sum();
  return weights_.transpose() * pre;
}

}  // namespace tinysim
