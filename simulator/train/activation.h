#pragma once
// The activation a weighted layer applies to its outputs; fused into the op on export
// as TFLite does (FULLY_CONNECTED, CONV_2D and DEPTHWISE_CONV_2D carry it).
#include <Eigen/Dense>

namespace tinysim {

enum class LayerActivation { kNone, kRelu };

/// Applies the activation in place.
inline void activate(LayerActivation a, Eigen::MatrixXf& values) {
  if (a == LayerActivation::kRelu) values = values.cwiseMax(0.0f);
}

/// d loss / d pre-activation from d loss / d output and the layer's outputs.
inline Eigen::MatrixXf activation_gradient(LayerActivation a, const Eigen::MatrixXf& output,
                                           const Eigen::MatrixXf& output_gradient) {
  if (a == LayerActivation::kNone) return output_gradient;
  return (output.array() > 0.0f).select(output_gradient, 0.0f);
}

}  // namespace tinysim
