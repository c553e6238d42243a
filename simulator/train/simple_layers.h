#pragma once
// The layers without parameters that only reshape, drop or normalise values.
#include "train/layer.h"
#include "sensors/seeded_random.h"

namespace tinysim {

/// Flatten: the same values as one row of features (RESHAPE to [1, n] on export).
class FlattenLayer : public Layer {
 public:
  explicit FlattenLayer(TensorShape input) : input_(input) {}
  LayerKind kind() const override { return LayerKind::kFlatten; }
  std::string kind_name() const override { return "flatten"; }
  TensorShape input_shape() const override { return input_; }
  TensorShape output_shape() const override { return {1, 1, input_.size()}; }
  Eigen::MatrixXf forward(const Eigen::MatrixXf& input, bool) override { return input; }
  Eigen::MatrixXf backward(const Eigen::MatrixXf& output_gradient) override { return output_gradient; }

 private:
  TensorShape input_;
};

/// Dropout: in training each value is zeroed with probability `rate` and the rest
/// scaled by 1 / (1 - rate); at inference (and on export) it is the identity.
class DropoutLayer : public Layer {
 public:
  DropoutLayer(TensorShape input, float rate, uint64_t seed) : input_(input), rate_(rate), random_(seed) {}
  LayerKind kind() const override { return LayerKind::kDropout; }
  std::string kind_name() const override { return "dropout"; }
  TensorShape input_shape() const override { return input_; }
  TensorShape output_shape() const override { return input_; }
  Eigen::MatrixXf forward(const Eigen::MatrixXf& input, bool training) override;
  Eigen::MatrixXf backward(const Eigen::MatrixXf& output_gradient) override {
    return output_gradient.cwiseProduct(mask_);
  }

 private:
  TensorShape input_;
  float rate_;
  SeededRandom random_;
  Eigen::MatrixXf mask_;
};

/// Softmax over the channels of a [1, 1, n] input (SOFTMAX, beta 1).
class SoftmaxLayer : public Layer {
 public:
  explicit SoftmaxLayer(TensorShape input) : input_(input) {}
  LayerKind kind() const override { return LayerKind::kSoftmax; }
  std::string kind_name() const override { return "softmax"; }
  TensorShape input_shape() const override { return input_; }
  TensorShape output_shape() const override { return input_; }
  Eigen::MatrixXf forward(const Eigen::MatrixXf& input, bool training) override;
  Eigen::MatrixXf backward(const Eigen::MatrixXf& output_gradient) override;

 private:
  TensorShape input_;
  Eigen::MatrixXf last_output_;
};

}  // namespace tinysim
