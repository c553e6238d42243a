#pragma once
// Max and average pooling (MAX_POOL_2D, AVERAGE_POOL_2D) per channel; taps in the
// padding are left out, as TFLite does (an average divides by the taps inside).
#include <vector>

#include "train/conv_geometry.h"
#include "train/layer.h"

namespace tinysim {

class PoolLayer : public Layer {
 public:
  PoolLayer(const ConvGeometry& geometry, bool max);

  LayerKind kind() const override { return max_ ? LayerKind::kMaxPool : LayerKind::kAveragePool; }
  std::string kind_name() const override { return max_ ? "max_pool" : "average_pool"; }
  TensorShape input_shape() const override { return geometry_.input; }
  TensorShape output_shape() const override { return {geometry_.out_h, geometry_.out_w, geometry_.input.channels}; }
  Eigen::MatrixXf forward(const Eigen::MatrixXf& input, bool training) override;
  Eigen::MatrixXf backward(const Eigen::MatrixXf& output_gradient) override;

  const ConvGeometry& geometry() const { return geometry_; }

 private:
  ConvGeometry geometry_;
  bool max_;
  /// Per output position, the input pixels its window covers (padding left out).
  std::vector<std::vector<int32_t>> window_pixels_;
  /// Training, max pooling: per example and output value, the input index that won
  /// (-1 for an empty window); the gradient goes there alone. An average spreads it
  /// evenly over the window, which needs nothing remembered.
  std::vector<int32_t> winners_;
};

}  // namespace tinysim
