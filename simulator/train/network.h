#pragma once
// A trainable network: layers in order, each fed the previous one's output.
#include <vector>

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
  size_t parameter_count();

  const std::vector<LayerPtr>& layers() const { return layers_; }

 private:
  TensorShape input_;
  std::vector<LayerPtr> layers_;
};

}  // namespace tinysim
