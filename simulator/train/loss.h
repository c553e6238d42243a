#pragma once
// Training losses, averaged over the batch: cross-entropy of predicted class
// probabilities (a softmax output) for classifiers, mean squared error for
// autoencoders and regression.
#include <Eigen/Dense>

namespace tinysim {

enum class LossKind { kCrossEntropy, kMeanSquaredError };

struct LossValue {
  double value = 0;           ///< mean over the batch
  Eigen::MatrixXf gradient;   ///< d value / d output
};

/// `targets` has the output's shape: one-hot columns for cross-entropy.
LossValue compute_loss(LossKind kind, const Eigen::MatrixXf& output, const Eigen::MatrixXf& targets);

}  // namespace tinysim
