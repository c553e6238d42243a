#include "train/trainer.h"

#include <algorithm>
#include <numeric>

#include "sensors/seeded_random.h"

namespace tinysim {

Examples Examples::subset(const std::vector<Eigen::Index>& indices) const {
  Examples s;
  s.inputs.resize(inputs.rows(), static_cast<Eigen::Index>(indices.size()));
  s.targets.resize(targets.rows(), static_cast<Eigen::Index>(indices.size()));
  for (size_t i = 0; i < indices.size(); ++i) {
    const auto col = static_cast<Eigen::Index>(i);
    s.inputs.col(col) = inputs.col(indices[i]);
    s.targets.col(col) = targets.col(indices[i]);
    if (!labels.empty()) s.labels.push_back(labels[static_cast<size_t>(indices[i])]);
  }
  return s;
}

std::vector<int> predicted_classes(const Eigen::MatrixXf& outputs) {
  std::vector<int> classes(static_cast<size_t>(outputs.cols()));
  for (Eigen::Index c = 0; c < outputs.cols(); ++c) {
    Eigen::Index best = 0;
    outputs.col(c).maxCoeff(&best);
    classes[static_cast<size_t>(c)] = static_cast<int>(best);
  }
  return classes;
}

Evaluation evaluate(Network& network, const Examples& examples, LossKind loss) {
  Evaluation e;
  if (examples.count() == 0) return e;
  constexpr Eigen::Index kChunk = 256;
  double loss_sum = 0;
  size_t correct = 0;
  for (Eigen::Index first = 0; first < examples.count(); first += kChunk) {
    const Eigen::Index n = std::min(kChunk, examples.count() - first);
    const Eigen::MatrixXf out = network.forward(examples.inputs.middleCols(first, n), false);
    loss_sum += compute_loss(loss, out, examples.targets.middleCols(first, n)).value * double(n);
    if (examples.labels.empty()) continue;
    const std::vector<int> classes = predicted_classes(out);
    for (Eigen::Index i = 0; i < n; ++i)
      if (classes[static_cast<size_t>(i)] == examples.labels[static_cast<size_t>(first + i)]) ++correct;
  }
  e.loss = loss_sum / double(examples.count());
  if (!examples.labels.empty()) e.accuracy = double(correct) / double(examples.count());
  return e;
}

std::vector<EpochReport> train_network(Network& network, const Examples& training, const Examples& validation,
                                       const TrainSettings& settings, const EpochHook& on_epoch,
                                       const TrainHooks& hooks) {
  Adam adam(network.parameters(), settings.adam);
  SeededRandom random(settings.seed);
  std::vector<Eigen::Index> order(static_cast<size_t>(training.count()));
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  std::vector<EpochReport> reports;
  for (int epoch = 1; epoch <= settings.epochs; ++epoch) {
    random.shuffle(order);
    for (size_t first = 0; first < order.size(); first += static_cast<size_t>(settings.batch_size)) {
      const size_t last = std::min(order.size(), first + static_cast<size_t>(settings.batch_size));
      const Examples batch = training.subset({order.begin() + long(first), order.begin() + long(last)});
      network.zero_gradients();
      if (hooks.before_batch) hooks.before_batch();
      const Eigen::MatrixXf out = network.forward(batch.inputs, true);
      network.backward(compute_loss(settings.loss, out, batch.targets).gradient);
      if (hooks.after_backward) hooks.after_backward();
      adam.step();
      if (hooks.after_step) hooks.after_step();
    }
    EpochReport r;
    r.epoch = epoch;
    r.train = evaluate(network, training, settings.loss);
    r.validation = evaluate(network, validation, settings.loss);
    if (on_epoch) on_epoch(r);
    reports.push_back(r);
  }
  return reports;
}

}  // namespace tinysim
