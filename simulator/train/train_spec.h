#pragma once
// A training spec (docs/training.md): the sensor and its `source:` map, windowing and
// features in the scenario files' own keys, the split, the layers, and the training,
// quantisation and pruning settings. Every field is checked with file:line:column.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/error.h"
#include "core/yaml_fields.h"
#include "sensors/source_factory.h"
#include "train/feature_dataset.h"
#include "train/trainer.h"

namespace tinysim {

enum class TrainTask { kClassifier, kAutoencoder };

struct TrainSpec {
  std::string file;
  std::string name;
  uint64_t seed = 1;

  YamlFields source{YAML::Node(), "", ""};  ///< the sensor's `source:` map
  SourceContext context;                    ///< rate, channels, duration, seed, folder
  Windowing windowing;
  std::vector<std::string> classes;         ///< classifier: output order; empty = the source's labels
  std::vector<std::string> normal;          ///< autoencoder: labels it learns as normal
  double validation_fraction = 0.15;
  double test_fraction = 0.15;  ///< 0 when the test split is a stream of its own
  /// data.test as a map: a held-out stream of its own (other voices, another recording).
  struct TestStream {
    YamlFields source;
    SourceContext context;  ///< the sensor's, with its own duration and the seed + 1
  };
  std::optional<TestStream> test_stream;

  YAML::Node layers;  ///< `model:` sequence, built by build_network()
  TrainTask task = TrainTask::kClassifier;
  TrainSettings training;

  uint32_t calibration_windows = 500;
  int qat_epochs = 0;  ///< quantisation-aware fine-tuning epochs after calibration
  double sparsity = 0;  ///< magnitude pruning target (fraction of weights set to 0)
  int prune_epochs = 0;
};

Result<TrainSpec> load_train_spec(const std::string& path);
/// Parses a spec already loaded; `file` names it and gives the folder for data paths.
Result<TrainSpec> parse_train_spec(const YAML::Node& root, const std::string& file);

}  // namespace tinysim
