// Post-training quantisation and export: the .tflite follows TFLite's quantization
// spec, runs in the runtime, and its int8 outputs stay within the quantisation error
// of the float network.
#include <gtest/gtest.h>

#include "model/model_summary.h"
#include "train/conv_layer.h"
#include "train/dense_layer.h"
#include "train/depthwise_conv_layer.h"
#include "train/int8_runner.h"
#include "train/pool_layer.h"
#include "train/simple_layers.h"
#include "train/tflite_export.h"

namespace tinysim {
namespace {

Eigen::MatrixXf random_inputs(Eigen::Index rows, Eigen::Index cols, uint64_t seed, float low, float high) {
  SeededRandom random(seed);
  Eigen::MatrixXf m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m(i) = static_cast<float>(random.uniform(low, high));
  return m;
}

/// A network with every exportable layer kind on a 1 x 16 x 2 input.
Network every_layer_network() {
  SeededRandom random(5);
  Network n({1, 16, 2});
  WindowSettings k3;
  k3.kernel_w = 3;
  k3.padding = tinyrt::Padding::kSame;
  n.add(std::make_unique<ConvLayer>(conv_geometry(n.output_shape(), k3), 4, LayerActivation::kRelu, random));
  WindowSettings pool;
  pool.kernel_w = pool.stride_w = 2;
  n.add(std::make_unique<PoolLayer>(conv_geometry(n.output_shape(), pool), true));
  n.add(std::make_unique<DepthwiseConvLayer>(conv_geometry(n.output_shape(), k3), LayerActivation::kNone, random));
  n.add(std::make_unique<PoolLayer>(conv_geometry(n.output_shape(), pool), false));
  n.add(std::make_unique<FlattenLayer>(n.output_shape()));
  n.add(std::make_unique<DropoutLayer>(n.output_shape(), 0.5f, 1));
  n.add(std::make_unique<DenseLayer>(n.output_shape(), 8, LayerActivation::kRelu, random));
  n.add(std::make_unique<DenseLayer>(n.output_shape(), 3, LayerActivation::kNone, random));
  n.add(std::make_unique<SoftmaxLayer>(n.output_shape()));
  return n;
}

TEST(Quantizer, ActivationQuantizationCoversTheRangeAndZero) {
  const tinyrt::QuantParams q = activation_quantization({-1.0f, 3.0f});
  EXPECT_FLOAT_EQ(q.scale, 4.0f / 255.0f);
  EXPECT_EQ(q.zero_point, -64);  // round(-128 + 1 / (4/255)) = round(-64.25)
  EXPECT_EQ(quantize_value(0.0f, q), -64);
  EXPECT_EQ(quantize_value(3.0f, q), 127);
  const tinyrt::QuantParams relu = activation_quantization({0.5f, 2.0f});  // widened to include 0
  EXPECT_EQ(relu.zero_point, -128);
  EXPECT_FLOAT_EQ(relu.scale, 2.0f / 255.0f);
}

TEST(Quantizer, WeightsPerChannelSymmetricAndBiasAtInputTimesWeightScale) {
  Eigen::MatrixXf w(2, 3);
  w << 0.5f, -1.0f, 0.25f, 0.0f, 0.0f, 0.0f;
  const ChannelQuantized q = quantize_rows(w);
  EXPECT_EQ(q.values, (std::vector<int8_t>{64, -127, 32, 0, 0, 0}));
  EXPECT_FLOAT_EQ(q.scales[0], 1.0f / 127.0f);
  EXPECT_GT(q.scales[1], 0.0f);  // an all-zero (pruned) channel keeps a usable scale
  Eigen::MatrixXf b(2, 1);
  b << 0.1f, -0.2f;
  const std::vector<int32_t> qb = quantize_bias(b, 0.05f, q.scales);
  EXPECT_EQ(qb[0], 254);  // 0.1 / (0.05 / 127) = 254
  EXPECT_EQ(qb[1], -508);
}

TEST(Export, EveryLayerKindRunsInTheRuntimeWithinQuantisationError) {
  Network n = every_layer_network();
  const Eigen::MatrixXf calibration = random_inputs(32, 64, 1, -2.0f, 2.0f);
  const std::vector<ValueRange> ranges = calibrate(n, calibration);
  ExportSettings settings;
  settings.input = activation_quantization({-2.0f, 2.0f});
  auto bytes = export_int8_tflite(n, ranges, settings);
  ASSERT_TRUE(bytes.ok()) << bytes.error().describe();

  auto summary = summarize_model(bytes.value(), "every_layer.tflite");
  ASSERT_TRUE(summary.ok()) << summary.error().describe();
  std::vector<std::string> ops;
  for (const auto& l : summary->layers) ops.push_back(l.op);
  EXPECT_EQ(ops, (std::vector<std::string>{"CONV_2D", "MAX_POOL_2D", "DEPTHWISE_CONV_2D", "AVERAGE_POOL_2D",
                                           "RESHAPE", "FULLY_CONNECTED", "FULLY_CONNECTED", "SOFTMAX"}));
  EXPECT_EQ(summary->total_macs, n.macs());
  EXPECT_DOUBLE_EQ(summary->outputs[0].scale, 1.0 / 256.0);
  EXPECT_EQ(summary->outputs[0].zero_point, -128);
  EXPECT_EQ(summary->inputs[0].shape, (std::vector<int32_t>{1, 1, 16, 2}));

  auto runner = Int8Runner::create(bytes.value());
  ASSERT_TRUE(runner.ok()) << runner.error().describe();
  const Eigen::MatrixXf test = random_inputs(32, 50, 2, -2.0f, 2.0f);
  const Eigen::MatrixXf expected = n.forward(test, false);
  double worst = 0, total = 0;
  for (Eigen::Index e = 0; e < test.cols(); ++e) {
    std::vector<int8_t> in(32);
    for (Eigen::Index i = 0; i < 32; ++i) in[size_t(i)] = quantize_value(test(i, e), settings.input);
    const std::vector<int8_t> out = runner.value()->run(in.data());
    ASSERT_EQ(out.size(), 3u);
    for (size_t k = 0; k < 3; ++k) {
      const double error = std::abs(double(dequantize_value(out[k], runner.value()->output_quant())) -
                                    double(expected(Eigen::Index(k), e)));
      worst = std::max(worst, error);
      total += error;
    }
  }
  // Probabilities within the rounding accumulated over five quantised layers: on
  // average about two output steps (1/256), never more than 0.08.
  EXPECT_LT(total / 150.0, 2.5 / 256.0);
  EXPECT_LT(worst, 0.08);
}

TEST(Export, ExportIsByteIdenticalForTheSameNetwork) {
  Network a = every_layer_network();
  Network b = every_layer_network();
  const Eigen::MatrixXf calibration = random_inputs(32, 16, 1, -2.0f, 2.0f);
  ExportSettings s;
  s.input = activation_quantization({-2.0f, 2.0f});
  auto x = export_int8_tflite(a, calibrate(a, calibration), s);
  auto y = export_int8_tflite(b, calibrate(b, calibration), s);
  ASSERT_TRUE(x.ok() && y.ok());
  EXPECT_EQ(x.value(), y.value());
}

}  // namespace
}  // namespace tinysim
