#include "train/network.h"

namespace tinysim {

std::string shape_text(const TensorShape& s) {
  return std::to_string(s.height) + "x" + std::to_string(s.width) + "x" + std::to_string(s.channels);
}

Eigen::MatrixXf Network::forward(const Eigen::MatrixXf& input, bool training) {
  Eigen::MatrixXf x = input;
  for (const LayerPtr& layer : layers_) x = layer->forward(x, training);
  return x;
}

void Network::backward(const Eigen::MatrixXf& output_gradient) {
  Eigen::MatrixXf g = output_gradient;
  for (auto it = layers_.rbegin(); it != layers_.rend(); ++it) g = (*it)->backward(g);
}

std::vector<Parameter> Network::parameters() {
  std::vector<Parameter> all;
  for (const LayerPtr& layer : layers_)
    for (const Parameter& p : layer->parameters()) all.push_back(p);
  return all;
}

void Network::zero_gradients() {
  for (const Parameter& p : parameters()) p.gradient->setZero();
}

uint64_t Network::macs() const {
  uint64_t total = 0;
  for (const LayerPtr& layer : layers_) total += layer->macs();
  return total;
}

size_t Network::parameter_count() {
  size_t n = 0;
  for (const Parameter& p : parameters()) n += static_cast<size_t>(p.value->size());
  return n;
}

}  // namespace tinysim
