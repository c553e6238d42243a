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
  /// Makes a network trained on inputs / divisor take the inputs themselves: the first
  /// weighted layer's weights are divided by `divisor` (the layers before it, pooling
  /// and reshapes, commute with a positive scale, and zero padding stays zero).
  void fold_input_divisor(float divisor);
  /// Multiplies the outputs by `factor` > 0 through the last weighted layer's weights
  /// and bias (an autoencoder trained on scaled inputs then reconstructs the inputs).
  void fold_output_multiplier(float factor);
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
