#pragma once
// A trainable network: layers in order, each fed the previous one's output.
#include <optional>
#include <vector>

#include "kernels/types.h"
#include "train/layer.h"

namespace tinysim {

class Network {
 public:
  explicit Network(TensorShape input) : input_(input) {}

  void add(LayerPtr layer) { layers_.push_back(std::move(layer)); }
  /// The shape the next added layer gets.
  TensorShape output_shape() const { return layers_.empty() ? input_ : layers_.back()->output_shape(); }
  TensorShape input_shape() const { return input_; }

  Eigen::MatrixXf forward(const Eigen::MatrixXf& input, bool training);
  /// Back-propagates d loss / d output through every layer (after a training forward).
  void backward(const Eigen::MatrixXf& output_gradient);
  /// Every layer's parameters, in layer order.
  std::vector<Parameter> parameters();
  void zero_gradients();
  uint64_t macs() const;
  /// How inputs may be standardised for training with the standardisation folded
  /// exactly into the first weighted layer afterwards: per feature, (x - mean_i) / scale_i,
  /// when it is dense; centred by one mean when it is a convolution without padding
  /// (every tap reads a real input); otherwise only divided by one scale (zero padding
  /// stays zero). Pooling, flatten and dropout before it commute with all three.
  enum class InputFold { kPerFeature, kCentred, kScaleOnly };
  InputFold input_fold() const;
  /// Makes a network trained on (x - mean) / scale take x itself (mean and scale as
  /// input_fold() allows: constant vectors unless kPerFeature).
  void fold_input_standardization(const Eigen::VectorXf& mean, const Eigen::VectorXf& scale);
  /// Makes a network whose outputs are (x - mean) / scale give x: the last layer must
  /// be dense (an autoencoder trained on standardised targets).
  void fold_output_standardization(const Eigen::VectorXf& mean, const Eigen::VectorXf& scale);
  size_t parameter_count();

  const std::vector<LayerPtr>& layers() const { return layers_; }

  /// Quantisation-aware training: each layer's output is rounded to its int8 grid
  /// (where set) in forward(); the gradient passes through unchanged (straight-through).
  /// Empty: float throughout.
  void set_output_fake_quant(std::vector<std::optional<tinyrt::QuantParams>> grids) { fake_quant_ = std::move(grids); }

 private:
  TensorShape input_;
  std::vector<LayerPtr> layers_;
  std::vector<std::optional<tinyrt::QuantParams>> fake_quant_;
};

}  // namespace tinysim
