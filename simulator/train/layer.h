#pragma once
// One layer of a trainable network. Activations travel as a batch matrix: one column
// per example, each column the example's values in NHWC order (height, width,
// channels; channels fastest), exactly the byte order of the runtime's int8 tensors.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <Eigen/Dense>

namespace tinysim {

/// Height x width x channels of one example's activation.
struct TensorShape {
  int32_t height = 1;
  int32_t width = 1;
  int32_t channels = 1;
  int32_t size() const { return height * width * channels; }
  bool operator==(const TensorShape& o) const {
    return height == o.height && width == o.width && channels == o.channels;
  }
};

std::string shape_text(const TensorShape& shape);

enum class LayerKind { kDense, kConv2D, kDepthwiseConv2D, kMaxPool, kAveragePool, kFlatten, kDropout, kSoftmax };

/// A trainable parameter and its gradient, both owned by the layer.
struct Parameter {
  Eigen::MatrixXf* value = nullptr;
  Eigen::MatrixXf* gradient = nullptr;
  bool prunable = false;  ///< a weight matrix (magnitude pruning applies), not a bias
};

class Layer {
 public:
  virtual ~Layer() = default;
  virtual LayerKind kind() const = 0;
  /// The spec's name for the layer kind ("dense", "conv2d", ...).
  virtual std::string kind_name() const = 0;
  virtual TensorShape input_shape() const = 0;
  virtual TensorShape output_shape() const = 0;
  /// Computes the outputs; `training` keeps what backward() needs and enables dropout.
  virtual Eigen::MatrixXf forward(const Eigen::MatrixXf& input, bool training) = 0;
  /// Given d loss / d output of the last training forward(), adds the parameter
  /// gradients and returns d loss / d input.
  virtual Eigen::MatrixXf backward(const Eigen::MatrixXf& output_gradient) = 0;
  virtual std::vector<Parameter> parameters() { return {}; }
  /// How many parameter matrices parameters() gives (0 for reshapes and pooling).
  virtual size_t parameters_count() const { return 0; }
  /// Multiply-accumulates per example (the runtime's count for the same op).
  virtual uint64_t macs() const { return 0; }
};

using LayerPtr = std::unique_ptr<Layer>;

}  // namespace tinysim
