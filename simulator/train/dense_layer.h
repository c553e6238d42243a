#pragma once
// Fully connected: every output is a weighted sum of all inputs (the input is taken
// flat, as TFLite's FULLY_CONNECTED does) plus a bias, then the activation.
#include "train/activation.h"
#include "train/layer.h"
#include "sensors/seeded_random.h"

namespace tinysim {

class DenseLayer : public Layer {
 public:
  DenseLayer(TensorShape input, int32_t units, LayerActivation activation, SeededRandom& random);

  LayerKind kind() const override { return LayerKind::kDense; }
  std::string kind_name() const override { return "dense"; }
  TensorShape input_shape() const override { return input_; }
  TensorShape output_shape() const override { return {1, 1, units_}; }
  Eigen::MatrixXf forward(const Eigen::MatrixXf& input, bool training) override;
  Eigen::MatrixXf backward(const Eigen::MatrixXf& output_gradient) override;
  std::vector<Parameter> parameters() override {
    return {{&weights_, &weight_gradient_, true}, {&bias_, &bias_gradient_, false}};
  }
  size_t parameters_count() const override { return 2; }
  uint64_t macs() const override { return uint64_t(units_) * uint64_t(input_.size()); }

  LayerActivation activation() const { return activation_; }
  /// [units x inputs]: row o holds output o's weights (TFLite's [out, in] layout).
  const Eigen::MatrixXf& weights() const { return weights_; }
  const Eigen::MatrixXf& bias() const { return bias_; }  ///< [units x 1]

 private:
  TensorShape input_;
  int32_t units_;
  LayerActivation activation_;
  Eigen::MatrixXf weights_, weight_gradient_, bias_, bias_gradient_;
  Eigen::MatrixXf last_input_, last_output_;
};

}  // namespace tinysim
