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

/// Called after every optimiser step (pruning keeps its zeros with it).
using StepHook = std::function<void()>;
using EpochHook = std::function<void(const EpochReport&)>;

std::vector<EpochReport> train_network(Network& network, const Examples& training, const Examples& validation,
                                       const TrainSettings& settings, const EpochHook& on_epoch = {},
                                       const StepHook& after_step = {});

}  // namespace tinysim
