#include "train/loss.h"

#include <algorithm>
#include <cmath>

namespace tinysim {

LossValue compute_loss(LossKind kind, const Eigen::MatrixXf& output, const Eigen::MatrixXf& targets) {
  LossValue l;
  const auto batch = static_cast<float>(output.cols());
  if (kind == LossKind::kCrossEntropy) {
    // Probabilities are floored so log() stays finite; the gradient uses the same floor.
    constexpr float kFloor = 1e-7f;
    const Eigen::MatrixXf p = output.cwiseMax(kFloor);
    l.value = -double((targets.array() * p.array().log()).sum()) / double(batch);
    l.gradient = -(targets.array() / p.array()).matrix() / batch;
  } else {
    const Eigen::MatrixXf diff = output - targets;
    const auto count = static_cast<float>(output.size());
    l.value = double(diff.squaredNorm()) / double(count);
    l.gradient = diff * (2.0f / count);
  }
  return l;
}

}  // namespace tinysim
