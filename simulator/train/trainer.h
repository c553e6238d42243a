#pragma once
// The training loop: shuffled mini-batches (seeded), Adam, one report per epoch.
#include <cstdint>
#include <functional>
#include <vector>

#include "train/adam.h"
#include "train/loss.h"
#include "train/network.h"

namespace tinysim {

/// A set of examples: inputs and targets one column each, and class labels for
/// classifiers (empty for autoencoders).
struct Examples {
  Eigen::MatrixXf inputs;
  Eigen::MatrixXf targets;
  std::vector<int> labels;
  Eigen::Index count() const { return inputs.cols(); }
  /// The examples at `indices`, in that order.
  Examples subset(const std::vector<Eigen::Index>& indices) const;
};

struct TrainSettings {
  int epochs = 10;
  int batch_size = 32;
  AdamSettings adam;
  uint64_t seed = 1;
  LossKind loss = LossKind::kCrossEntropy;
};

struct Evaluation {
  double loss = 0;
  double accuracy = -1;  ///< fraction of labels matched by the arg-max; -1 without labels
};

struct EpochReport {
  int epoch = 0;  ///< 1-based
  Evaluation train;
  Evaluation validation;
};

/// Argmax of each column.
std::vector<int> predicted_classes(const Eigen::MatrixXf& outputs);
Evaluation evaluate(Network& network, const Examples& examples, LossKind loss);

/// Optional steps around each mini-batch: quantisation-aware training swaps in
/// fake-quantised weights for the forward/backward pass, pruning re-zeroes weights.
struct TrainHooks {
  std::function<void()> before_batch;    ///< before the forward pass
  std::function<void()> after_backward;  ///< gradients ready, before the optimiser step
  std::function<void()> after_step;      ///< after the optimiser step
};
using EpochHook = std::function<void(const EpochReport&)>;

std::vector<EpochReport> train_network(Network& network, const Examples& training, const Examples& validation,
                                       const TrainSettings& settings, const EpochHook& on_epoch = {},
                                       const TrainHooks& hooks = {});

}  // namespace tinysim
