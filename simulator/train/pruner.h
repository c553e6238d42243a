#pragma once
// Magnitude pruning: in every weight matrix the given fraction of smallest-magnitude
// weights is set to 0 and kept at 0 through fine-tuning (biases are not pruned).
#include <vector>

#include "train/network.h"

namespace tinysim {

class MagnitudePruner {
 public:
  /// Chooses the masks from the current weights (ties broken by position).
  MagnitudePruner(Network& network, double sparsity);
  /// Zeroes the pruned weights again (after every optimiser step).
  void apply();

 private:
  std::vector<Parameter> weights_;
  std::vector<Eigen::MatrixXf> masks_;
};

/// Fraction of zero weights over all prunable parameters.
double weight_sparsity(Network& network);

}  // namespace tinysim
