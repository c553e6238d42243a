#include "train/simple_layers.h"

namespace tinysim {

Eigen::MatrixXf DropoutLayer::forward(const Eigen::MatrixXf& input, bool training) {
  if (!training || rate_ <= 0.0f) {
    mask_ = Eigen::MatrixXf::Ones(input.rows(), input.cols());
    return input;
  }
  const float keep = 1.0f / (1.0f - rate_);
  mask_.resize(input.rows(), input.cols());
  for (Eigen::Index c = 0; c < input.cols(); ++c)
    for (Eigen::Index r = 0; r < input.rows(); ++r)
      mask_(r, c) = random_.uniform() < double(rate_) ? 0.0f : keep;
  return input.cwiseProduct(mask_);
}

Eigen::MatrixXf SoftmaxLayer::forward(const Eigen::MatrixXf& input, bool training) {
  Eigen::MatrixXf out = (input.rowwise() - input.colwise().maxCoeff()).array().exp().matrix();
  out = out.array().rowwise() / out.colwise().sum().array();
  if (training) last_output_ = out;
  return out;
}

Eigen::MatrixXf SoftmaxLayer::backward(const Eigen::MatrixXf& output_gradient) {
  // d x_i = p_i (g_i - sum_j g_j p_j)
  const Eigen::RowVectorXf dot = output_gradient.cwiseProduct(last_output_).colwise().sum();
  return last_output_.cwiseProduct(output_gradient - dot.replicate(output_gradient.rows(), 1));
}

}  // namespace tinysim
