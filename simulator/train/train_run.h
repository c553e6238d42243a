#pragma once
// `tinysim model train`: a spec in, an int8 .tflite and its figures out. Builds the
// data from the spec's sensor source, trains in float, optionally prunes, quantises
// with a calibration set, exports, and measures float and int8 accuracy on the
// held-out test split (int8 by the host build of the runtime).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/error.h"
#include "train/train_spec.h"

namespace tinysim {

struct SplitCounts {
  size_t train = 0, validation = 0, test = 0;
};

/// What a training run reports (and docs/models.md records).
struct TrainFigures {
  std::vector<std::string> classes;  ///< classifier outputs; autoencoder: {normal, anomaly}
  SplitCounts windows;
  std::vector<EpochReport> epochs;
  double float_accuracy = 0;  ///< test split: classes right, or normal/anomaly decisions right
  double int8_accuracy = 0;   ///< the same by the runtime on the exported model
  double int8_agreement = 0;  ///< fraction of test windows where int8 and float decide the same
  /// Test windows by true class (rows) and the runtime's int8 decision (columns), `classes` order.
  std::vector<std::vector<size_t>> int8_confusion;
  double anomaly_threshold = 0;  ///< autoencoder: score above it = anomaly (int8 score units)
  double sparsity = 0;        ///< fraction of weights that are 0
  size_t parameters = 0;
  uint64_t float_bytes = 0;   ///< parameters x 4
  uint64_t model_bytes = 0;   ///< the .tflite file
  uint64_t macs = 0;
  uint32_t arena_bytes = 0;
  std::vector<int32_t> input_shape;
  tinyrt::QuantParams input_quant{};
};

struct TrainOutcome {
  std::vector<uint8_t> model;
  TrainFigures figures;
};

/// One line of progress ("epoch 3/20: loss 0.41 accuracy 0.88 ...").
using TrainLog = std::function<void(const std::string&)>;

Result<TrainOutcome> train_from_spec(const TrainSpec& spec, const TrainLog& log = {});

}  // namespace tinysim
