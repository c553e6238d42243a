#pragma once
// The Adam optimiser (Kingma & Ba, 2015): per-parameter step sizes from running
// averages of the gradient and its square, with bias correction.
#include <vector>

#include "train/layer.h"

namespace tinysim {

struct AdamSettings {
  float learning_rate = 0.001f;
  float beta1 = 0.9f;
  float beta2 = 0.999f;
  float epsilon = 1e-7f;
};

class Adam {
 public:
  Adam(std::vector<Parameter> parameters, AdamSettings settings);
  /// One update from the gradients accumulated in the parameters.
  void step();
  void set_learning_rate(float rate) { settings_.learning_rate = rate; }

 private:
  std::vector<Parameter> parameters_;
  AdamSettings settings_;
  std::vector<Eigen::MatrixXf> first_, second_;
  int steps_ = 0;
};

}  // namespace tinysim
