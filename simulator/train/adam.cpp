#include "train/adam.h"

#include <cmath>

namespace tinysim {

Adam::Adam(std::vector<Parameter> parameters, AdamSettings settings)
    : parameters_(std::move(parameters)), settings_(settings) {
  for (const Parameter& p : parameters_) {
    first_.push_back(Eigen::MatrixXf::Zero(p.value->rows(), p.value->cols()));
    second_.push_back(Eigen::MatrixXf::Zero(p.value->rows(), p.value->cols()));
  }
}

void Adam::step() {
  ++steps_;
  const AdamSettings& s = settings_;
  const float correction1 = 1.0f - std::pow(s.beta1, static_cast<float>(steps_));
  const float correction2 = 1.0f - std::pow(s.beta2, static_cast<float>(steps_));
  for (size_t i = 0; i < parameters_.size(); ++i) {
    const Eigen::MatrixXf& g = *parameters_[i].gradient;
    first_[i] = s.beta1 * first_[i] + (1.0f - s.beta1) * g;
    second_[i] = s.beta2 * second_[i] + (1.0f - s.beta2) * g.cwiseProduct(g);
    const Eigen::ArrayXXf m = first_[i].array() / correction1;
    const Eigen::ArrayXXf v = second_[i].array() / correction2;
    parameters_[i].value->array() -= s.learning_rate * m / (v.sqrt() + s.epsilon);
  }
}

}  // namespace tinysim
