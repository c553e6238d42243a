#pragma once
// Quantisation-aware fine-tuning with fake quantisation: the forward pass sees weights
// rounded to their per-channel int8 grid and layer outputs rounded to the calibrated
// activation grid, as the int8 model will; gradients update the float weights
// (straight-through estimator).
#include <vector>

#include "train/network.h"
#include "train/pruner.h"
#include "train/quantizer.h"
#include "train/trainer.h"

namespace tinysim {

class QuantizationAwareTraining {
 public:
  /// Puts the activation grids of `ranges` (from calibrate()) on the network.
  QuantizationAwareTraining(Network& network, const std::vector<ValueRange>& ranges);
  /// Hooks for train_network(); `pruner` (may be null) keeps pruned weights at 0.
  TrainHooks hooks(MagnitudePruner* pruner);
  /// Takes the activation grids off again (the network is float; export quantises).
  void finish() { network_.set_output_fake_quant({}); }

 private:
  Network& network_;
  std::vector<Parameter> weights_;
  std::vector<Eigen::MatrixXf> float_weights_;
};

/// The trainer's quantisation-aware step: `settings.epochs` epochs at a fifth of
/// `settings`' learning rate on the activation grids of `ranges` (pruned weights held at 0
/// when `sparsity` > 0), then the ranges recalibrated on `calibration`, which it returns.
std::vector<ValueRange> quantization_aware_fine_tune(Network& network, const Examples& training,
                                                     const Examples& validation, TrainSettings settings,
                                                     const std::vector<ValueRange>& ranges,
                                                     const Eigen::MatrixXf& calibration, double sparsity,
                                                     const EpochHook& on_epoch = {});

/// Weights rounded to their per-row symmetric int8 grid, as quantize_rows() does.
Eigen::MatrixXf fake_quantize_rows(const Eigen::MatrixXf& weights);

}  // namespace tinysim
