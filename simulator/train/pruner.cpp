#include "train/pruner.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tinysim {

MagnitudePruner::MagnitudePruner(Network& network, double sparsity) {
  for (const Parameter& p : network.parameters()) {
    if (!p.prunable) continue;
    const Eigen::MatrixXf& w = *p.value;
    std::vector<Eigen::Index> order(static_cast<size_t>(w.size()));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](Eigen::Index a, Eigen::Index b) { return std::abs(w(a)) < std::abs(w(b)); });
    Eigen::MatrixXf mask = Eigen::MatrixXf::Ones(w.rows(), w.cols());
    const auto pruned = static_cast<size_t>(std::floor(sparsity * double(w.size())));
    for (size_t i = 0; i < pruned; ++i) mask(order[i]) = 0.0f;
    weights_.push_back(p);
    masks_.push_back(std::move(mask));
  }
  apply();
}

void MagnitudePruner::apply() {
  for (size_t i = 0; i < weights_.size(); ++i) *weights_[i].value = weights_[i].value->cwiseProduct(masks_[i]);
}

double weight_sparsity(Network& network) {
  size_t zeros = 0, total = 0;
  for (const Parameter& p : network.parameters()) {
    if (!p.prunable) continue;
    zeros += static_cast<size_t>((p.value->array() == 0.0f).count());
    total += static_cast<size_t>(p.value->size());
  }
  return total ? double(zeros) / double(total) : 0.0;
}

}  // namespace tinysim
