// Every layer's back-propagation against central differences of its forward pass:
// loss = sum(output .* R) for a fixed random R, so d loss / d output = R.
#include <gtest/gtest.h>

#include "train/conv_layer.h"
#include "train/dense_layer.h"
#include "train/depthwise_conv_layer.h"
#include "train/loss.h"
#include "train/pool_layer.h"
#include "train/simple_layers.h"

namespace tinysim {
namespace {

Eigen::MatrixXf random_matrix(Eigen::Index rows, Eigen::Index cols, SeededRandom& random) {
  Eigen::MatrixXf m(rows, cols);
  for (Eigen::Index c = 0; c < cols; ++c)
    for (Eigen::Index r = 0; r < rows; ++r) m(r, c) = static_cast<float>(random.uniform(-1.0, 1.0));
  return m;
}

double weighted_sum(Layer& layer, const Eigen::MatrixXf& input, const Eigen::MatrixXf& weights) {
  return double(layer.forward(input, false).cwiseProduct(weights).sum());
}

/// Numeric d loss / d value[i] for every element of `value`, which `loss` reads; NaN
/// where the step moves a ReLU output across 0 (`kinks` says which outputs are 0).
template <class Loss, class Kinks>
Eigen::MatrixXf numeric_gradient(Eigen::MatrixXf& value, Loss loss, Kinks kinks) {
  constexpr float kStep = 1e-2f;
  Eigen::MatrixXf g(value.rows(), value.cols());
  const auto at_rest = kinks();
  for (Eigen::Index i = 0; i < value.size(); ++i) {
    const float keep = value(i);
    value(i) = keep + kStep;
    const double up = loss();
    const bool up_same = kinks() == at_rest;
    value(i) = keep - kStep;
    const double down = loss();
    const bool down_same = kinks() == at_rest;
    value(i) = keep;
    g(i) = up_same && down_same ? static_cast<float>((up - down) / (2.0 * kStep)) : NAN;
  }
  return g;
}

template <class Loss>
Eigen::MatrixXf numeric_gradient(Eigen::MatrixXf& value, Loss loss) {
  return numeric_gradient(value, loss, [] { return 0; });
}

/// Compares where the numeric gradient is defined: all but one element or 10%.
void expect_close(const Eigen::MatrixXf& analytic, const Eigen::MatrixXf& numeric, const std::string& what) {
  ASSERT_EQ(analytic.rows(), numeric.rows()) << what;
  ASSERT_EQ(analytic.cols(), numeric.cols()) << what;
  Eigen::Index undefined = 0;
  for (Eigen::Index i = 0; i < analytic.size(); ++i) {
    if (std::isnan(numeric(i))) {
      ++undefined;
      continue;
    }
    EXPECT_NEAR(analytic(i), numeric(i), 2e-3 + 2e-3 * std::abs(numeric(i))) << what << " element " << i;
  }
  EXPECT_LE(undefined, std::max<Eigen::Index>(1, analytic.size() / 10)) << what;
}

/// Checks d loss / d input and d loss / d parameter of `layer` on a batch of 3
/// (random inputs unless `input` is given).
void check_gradients(Layer& layer, Eigen::MatrixXf input = {}) {
  SeededRandom random(7);
  if (input.size() == 0) input = random_matrix(layer.input_shape().size(), 3, random);
  const Eigen::MatrixXf weights = random_matrix(layer.output_shape().size(), 3, random);
  for (const Parameter& p : layer.parameters()) p.gradient->setZero();
  layer.forward(input, true);
  const Eigen::MatrixXf input_gradient = layer.backward(weights);
  auto loss = [&] { return weighted_sum(layer, input, weights); };
  auto zeros = [&] {  // which outputs a ReLU holds at 0
    const Eigen::MatrixXf out = layer.forward(input, false);
    return Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic>((out.array() == 0.0f).matrix());
  };
  expect_close(input_gradient, numeric_gradient(input, loss, zeros), layer.kind_name() + " input");
  size_t index = 0;
  for (const Parameter& p : layer.parameters()) {
    *p.value = random_matrix(p.value->rows(), p.value->cols(), random) * 0.5f + *p.value;
    p.gradient->setZero();
    layer.forward(input, true);
    layer.backward(weights);
    expect_close(*p.gradient, numeric_gradient(*p.value, loss, zeros),
                 layer.kind_name() + " parameter " + std::to_string(index++));
  }
}

WindowSettings window(int32_t kh, int32_t kw, int32_t stride, tinyrt::Padding padding) {
  WindowSettings w;
  w.kernel_h = kh;
  w.kernel_w = kw;
  w.stride_h = w.stride_w = stride;
  w.padding = padding;
  return w;
}

TEST(GradientCheck, Dense) {
  SeededRandom random(1);
  DenseLayer layer({1, 1, 5}, 4, LayerActivation::kNone, random);
  check_gradients(layer);
}

TEST(GradientCheck, DenseReluOnAFlattenedInput) {
  SeededRandom random(2);
  DenseLayer layer({2, 3, 2}, 3, LayerActivation::kRelu, random);
  check_gradients(layer);
}

TEST(GradientCheck, Conv1DSamePaddingStride2) {
  SeededRandom random(3);
  ConvLayer layer(conv_geometry({1, 9, 2}, window(1, 3, 2, tinyrt::Padding::kSame)), 3, LayerActivation::kNone,
                  random);
  EXPECT_EQ(layer.output_shape(), (TensorShape{1, 5, 3}));
  check_gradients(layer);
}

TEST(GradientCheck, Conv2DValid) {
  SeededRandom random(4);
  ConvLayer layer(conv_geometry({4, 5, 2}, window(3, 2, 1, tinyrt::Padding::kValid)), 2, LayerActivation::kNone,
                  random);
  EXPECT_EQ(layer.output_shape(), (TensorShape{2, 4, 2}));
  check_gradients(layer);
}

TEST(GradientCheck, DepthwiseConvSame) {
  SeededRandom random(5);
  DepthwiseConvLayer layer(conv_geometry({4, 4, 3}, window(3, 3, 1, tinyrt::Padding::kSame)),
                           LayerActivation::kNone, random);
  EXPECT_EQ(layer.output_shape(), (TensorShape{4, 4, 3}));
  check_gradients(layer);
}

TEST(GradientCheck, MaxPool) {
  PoolLayer layer(conv_geometry({4, 6, 2}, window(2, 2, 2, tinyrt::Padding::kValid)), true);
  EXPECT_EQ(layer.output_shape(), (TensorShape{2, 3, 2}));
  // Distinct values 0.05 apart (shuffled), so no difference step changes which tap is the max.
  std::vector<int> order(48 * 3);
  for (size_t i = 0; i < order.size(); ++i) order[i] = int(i);
  SeededRandom random(8);
  random.shuffle(order);
  Eigen::MatrixXf input(48, 3);
  for (Eigen::Index i = 0; i < input.size(); ++i) input(i) = 0.05f * float(order[size_t(i)]) - 3.0f;
  check_gradients(layer, input);
}

TEST(GradientCheck, AveragePoolSamePaddingCountsOnlyInsideTaps) {
  PoolLayer layer(conv_geometry({3, 5, 2}, window(2, 2, 2, tinyrt::Padding::kSame)), false);
  EXPECT_EQ(layer.output_shape(), (TensorShape{2, 3, 2}));
  check_gradients(layer);
  Eigen::MatrixXf ones = Eigen::MatrixXf::Ones(30, 1);
  EXPECT_FLOAT_EQ(layer.forward(ones, false).maxCoeff(), 1.0f);  // corner taps averaged over 1, not 4
}

TEST(GradientCheck, Softmax) {
  SoftmaxLayer layer({1, 1, 4});
  check_gradients(layer);
}

TEST(GradientCheck, Flatten) {
  FlattenLayer layer({2, 2, 2});
  EXPECT_EQ(layer.output_shape(), (TensorShape{1, 1, 8}));
  check_gradients(layer);
}

TEST(GradientCheck, DropoutPassesGradientThroughKeptValuesOnly) {
  DropoutLayer layer({1, 1, 1000}, 0.25f, 9);
  const Eigen::MatrixXf ones = Eigen::MatrixXf::Ones(1000, 1);
  const Eigen::MatrixXf out = layer.forward(ones, true);
  const Eigen::MatrixXf back = layer.backward(ones);
  const auto dropped = (out.array() == 0.0f).count();
  EXPECT_GT(dropped, 200);
  EXPECT_LT(dropped, 300);
  EXPECT_EQ(out, back);
  EXPECT_FLOAT_EQ(out.maxCoeff(), 1.0f / 0.75f);
  EXPECT_EQ(layer.forward(ones, false), ones);
}

TEST(GradientCheck, CrossEntropyAndMse) {
  SeededRandom random(11);
  Eigen::MatrixXf p = random_matrix(3, 2, random).cwiseAbs() + Eigen::MatrixXf::Constant(3, 2, 0.1f);
  Eigen::MatrixXf onehot = Eigen::MatrixXf::Zero(3, 2);
  onehot(1, 0) = onehot(2, 1) = 1.0f;
  for (LossKind kind : {LossKind::kCrossEntropy, LossKind::kMeanSquaredError}) {
    const LossValue l = compute_loss(kind, p, onehot);
    expect_close(l.gradient, numeric_gradient(p, [&] { return compute_loss(kind, p, onehot).value; }), "loss");
  }
}

}  // namespace
}  // namespace tinysim
