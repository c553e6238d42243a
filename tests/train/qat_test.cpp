// What quantisation-aware fine-tuning buys: on a network whose hidden layer has one
// outlier channel (a K times wider range than the others, as real networks often have),
// post-training quantisation leaves the other channels a few int8 steps and loses
// accuracy; the trainer's QAT step gets it back. Accuracies are of the exported .tflite
// run by the runtime, on held-out points, and exact (everything is seeded).
#include <gtest/gtest.h>

#include "train/dense_layer.h"
#include "train/int8_runner.h"
#include "train/qat.h"
#include "train/simple_layers.h"
#include "train/tflite_export.h"

#include "point_clusters.h"

namespace tinysim {
namespace {

/// Three classes of 2-D points that overlap a little.
Examples three_clusters(int per_class, uint64_t seed) { return point_clusters(per_class, seed, 1.2f, 0.6); }

const tinyrt::QuantParams kInput{4.0f / 255.0f, 0};  // -2 .. 2

/// Right answers of the network exported with `ranges`, run by the runtime on `test`.
int int8_correct(const Network& n, const std::vector<ValueRange>& ranges, const Examples& test) {
  ExportSettings settings;
  settings.input = kInput;
  auto bytes = export_int8_tflite(n, ranges, settings);
  EXPECT_TRUE(bytes.ok()) << bytes.error().describe();
  auto runner = Int8Runner::create(bytes.value());
  EXPECT_TRUE(runner.ok()) << runner.error().describe();
  int correct = 0;
  for (Eigen::Index k = 0; k < test.count(); ++k) {
    const int8_t input[2] = {quantize_value(test.inputs(0, k), kInput), quantize_value(test.inputs(1, k), kInput)};
    const std::vector<int8_t> y = runner.value()->run(input);
    correct += int(std::max_element(y.begin(), y.end()) - y.begin()) == test.labels[size_t(k)];
  }
  return correct;
}

int float_correct(Network& n, const Examples& test) {
  const std::vector<int> classes = predicted_classes(n.forward(test.inputs, false));
  int correct = 0;
  for (size_t k = 0; k < classes.size(); ++k) correct += classes[k] == test.labels[k];
  return correct;
}

TEST(QuantizationAwareTraining, RecoversTheAccuracyPostTrainingQuantisationLosesToAnOutlierChannel) {
  SeededRandom random(7);
  Network n({1, 1, 2});
  n.add(std::make_unique<DenseLayer>(n.output_shape(), 16, LayerActivation::kRelu, random));
  n.add(std::make_unique<DenseLayer>(n.output_shape(), 3, LayerActivation::kNone, random));
  n.add(std::make_unique<SoftmaxLayer>(n.output_shape()));
  const Examples training = three_clusters(100, 1), test = three_clusters(100, 2);
  TrainSettings settings;
  settings.epochs = 30;
  settings.batch_size = 16;
  settings.adam.learning_rate = 0.01f;
  train_network(n, training, {}, settings);

  const int float_right = float_correct(n, test);
  EXPECT_EQ(float_right, 299);  // of 300
  EXPECT_EQ(int8_correct(n, calibrate(n, training.inputs), test), 299);  // PTQ alone is fine here

  // Hidden unit 0 made kOutlier times larger and its outgoing weights as much smaller:
  // relu(k x) = k relu(x), so the float network computes exactly the same function.
  constexpr float kOutlier = 300.0f;
  std::vector<Parameter> p = n.parameters();  // hidden weights, bias, output weights, bias
  p[0].value->row(0) *= kOutlier;
  (*p[1].value)(0, 0) *= kOutlier;
  p[2].value->col(0) /= kOutlier;
  EXPECT_EQ(float_correct(n, test), float_right);

  const std::vector<ValueRange> ranges = calibrate(n, training.inputs);
  EXPECT_GT(ranges[0].max, 100.0f);  // the hidden layer's one int8 scale now spans the outlier
  EXPECT_EQ(int8_correct(n, ranges, test), 230);  // post-training quantisation

  TrainSettings fine = settings;
  fine.epochs = 10;
  const std::vector<ValueRange> qat_ranges =
      quantization_aware_fine_tune(n, training, {}, fine, ranges, training.inputs, 0.0);
  EXPECT_EQ(int8_correct(n, qat_ranges, test), 285);  // the same network after QAT
}

}  // namespace
}  // namespace tinysim
