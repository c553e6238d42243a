#include "train/qat.h"

#include <memory>

namespace tinysim {

Eigen::MatrixXf fake_quantize_rows(const Eigen::MatrixXf& w) {
  const ChannelQuantized q = quantize_rows(w);
  Eigen::MatrixXf out(w.rows(), w.cols());
  for (Eigen::Index r = 0; r < w.rows(); ++r)
    for (Eigen::Index c = 0; c < w.cols(); ++c)
      out(r, c) = float(q.values[size_t(r * w.cols() + c)]) * q.scales[size_t(r)];
  return out;
}

QuantizationAwareTraining::QuantizationAwareTraining(Network& network, const std::vector<ValueRange>& ranges)
    : network_(network) {
  std::vector<std::optional<tinyrt::QuantParams>> grids;
  for (size_t i = 0; i < network.layers().size(); ++i) {
    switch (network.layers()[i]->kind()) {
      case LayerKind::kDense:
      case LayerKind::kConv2D:
      case LayerKind::kDepthwiseConv2D: grids.push_back(activation_quantization(ranges[i])); break;
      case LayerKind::kSoftmax: grids.push_back(tinyrt::QuantParams{1.0f / 256.0f, -128}); break;
      default: grids.push_back(std::nullopt);  // pooling and reshapes keep their input's grid
    }
  }
  network.set_output_fake_quant(std::move(grids));
  for (const Parameter& p : network.parameters())
    if (p.prunable) weights_.push_back(p);
}

TrainHooks QuantizationAwareTraining::hooks(MagnitudePruner* pruner) {
  TrainHooks h;
  h.before_batch = [this] {
    float_weights_.clear();
    for (const Parameter& p : weights_) {
      float_weights_.push_back(*p.value);
      *p.value = fake_quantize_rows(*p.value);
    }
  };
  h.after_backward = [this] {
    for (size_t i = 0; i < weights_.size(); ++i) *weights_[i].value = float_weights_[i];
  };
  if (pruner) h.after_step = [pruner] { pruner->apply(); };
  return h;
}

std::vector<ValueRange> quantization_aware_fine_tune(Network& network, const Examples& training,
                                                     const Examples& validation, TrainSettings settings,
                                                     const std::vector<ValueRange>& ranges,
                                                     const Eigen::MatrixXf& calibration, double sparsity,
                                                     const EpochHook& on_epoch) {
  QuantizationAwareTraining qat(network, ranges);
  settings.adam.learning_rate *= 0.2f;
  std::unique_ptr<MagnitudePruner> keep_zeros;
  if (sparsity > 0) keep_zeros = std::make_unique<MagnitudePruner>(network, sparsity);
  train_network(network, training, validation, settings, on_epoch, qat.hooks(keep_zeros.get()));
  qat.finish();
  return calibrate(network, calibration);
}

}  // namespace tinysim
