// The training loop on tiny data: a separable set is learnt perfectly, and a seed
// always gives the same network.
#include <gtest/gtest.h>

#include "train/conv_layer.h"
#include "train/dense_layer.h"
#include "train/simple_layers.h"
#include "train/trainer.h"

#include "point_clusters.h"

namespace tinysim {
namespace {

/// Three well-separated classes of 2-D points.
Examples separable_points(int per_class, uint64_t seed) { return point_clusters(per_class, seed, 1.5f, 0.3); }

Network small_classifier(uint64_t seed) {
  SeededRandom random(seed);
  Network n({1, 1, 2});
  n.add(std::make_unique<DenseLayer>(n.output_shape(), 8, LayerActivation::kRelu, random));
  n.add(std::make_unique<DenseLayer>(n.output_shape(), 3, LayerActivation::kNone, random));
  n.add(std::make_unique<SoftmaxLayer>(n.output_shape()));
  return n;
}

TEST(Training, SeparableDataReachesFullAccuracy) {
  Network n = small_classifier(1);
  TrainSettings s;
  s.epochs = 30;
  s.batch_size = 8;
  s.adam.learning_rate = 0.02f;
  const auto reports = train_network(n, separable_points(20, 1), separable_points(10, 2), s);
  ASSERT_EQ(reports.size(), 30u);
  EXPECT_DOUBLE_EQ(reports.back().train.accuracy, 1.0);
  EXPECT_DOUBLE_EQ(reports.back().validation.accuracy, 1.0);
  EXPECT_LT(reports.back().train.loss, reports.front().train.loss);
}

TEST(Training, SameSeedSameNetwork) {
  TrainSettings s;
  s.epochs = 3;
  s.batch_size = 4;
  Network a = small_classifier(3);
  Network b = small_classifier(3);
  train_network(a, separable_points(8, 1), {}, s);
  train_network(b, separable_points(8, 1), {}, s);
  const auto pa = a.parameters();
  const auto pb = b.parameters();
  ASSERT_EQ(pa.size(), pb.size());
  for (size_t i = 0; i < pa.size(); ++i) EXPECT_EQ(*pa[i].value, *pb[i].value) << "parameter " << i;
  s.seed = 2;
  Network c = small_classifier(3);
  train_network(c, separable_points(8, 1), {}, s);
  EXPECT_NE(*c.parameters()[0].value, *pa[0].value);
}

}  // namespace
}  // namespace tinysim

namespace tinysim {
namespace {

/// A network trained on standardised inputs, folded, gives the same outputs on the raw inputs.
void expect_fold_exact(Network& n, const Eigen::VectorXf& mean, const Eigen::VectorXf& scale) {
  SeededRandom random(4);
  Eigen::MatrixXf raw(mean.size(), 5);
  for (Eigen::Index i = 0; i < raw.size(); ++i) raw(i) = static_cast<float>(random.uniform(500.0, 1500.0));
  const Eigen::MatrixXf standardised = (raw.colwise() - mean).cwiseQuotient(scale.replicate(1, raw.cols()));
  const Eigen::MatrixXf before = n.forward(standardised, false);
  n.fold_input_standardization(mean, scale);
  const Eigen::MatrixXf after = n.forward(raw, false);
  EXPECT_LT((after - before).cwiseAbs().maxCoeff(), 1e-3f * std::max(1.0f, before.cwiseAbs().maxCoeff()));
}

TEST(InputFold, DenseFirstFoldsPerFeature) {
  SeededRandom random(1);
  Network n({1, 1, 3});
  n.add(std::make_unique<DenseLayer>(n.output_shape(), 4, LayerActivation::kRelu, random));
  n.add(std::make_unique<DenseLayer>(n.output_shape(), 2, LayerActivation::kNone, random));
  ASSERT_EQ(n.input_fold(), Network::InputFold::kPerFeature);
  Eigen::VectorXf mean(3), scale(3);
  mean << 1000.0f, 900.0f, 1100.0f;
  scale << 300.0f, 200.0f, 250.0f;
  expect_fold_exact(n, mean, scale);
}

TEST(InputFold, ValidConvolutionFoldsOneMeanSamePaddingOnlyAScale) {
  SeededRandom random(2);
  WindowSettings k3;
  k3.kernel_w = 3;
  Network valid({1, 8, 2});
  valid.add(std::make_unique<ConvLayer>(conv_geometry(valid.output_shape(), k3), 3, LayerActivation::kRelu, random));
  ASSERT_EQ(valid.input_fold(), Network::InputFold::kCentred);
  expect_fold_exact(valid, Eigen::VectorXf::Constant(16, 1000.0f), Eigen::VectorXf::Constant(16, 290.0f));
  k3.padding = tinyrt::Padding::kSame;
  Network same({1, 8, 2});
  same.add(std::make_unique<ConvLayer>(conv_geometry(same.output_shape(), k3), 3, LayerActivation::kRelu, random));
  EXPECT_EQ(same.input_fold(), Network::InputFold::kScaleOnly);
  expect_fold_exact(same, Eigen::VectorXf::Zero(16), Eigen::VectorXf::Constant(16, 290.0f));
}

}  // namespace
}  // namespace tinysim
