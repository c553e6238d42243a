#include "train/quantizer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tinysim {

tinyrt::QuantParams activation_quantization(ValueRange range) {
  const double low = std::min(0.0f, range.min);
  const double high = std::max(0.0f, range.max);
  const double scale = high > low ? (high - low) / 255.0 : 1.0 / 255.0;
  const double zero = std::round(-128.0 - low / scale);
  return {static_cast<float>(scale), static_cast<int32_t>(std::clamp(zero, -128.0, 127.0))};
}

std::vector<ValueRange> calibrate(Network& network, const Eigen::MatrixXf& inputs) {
  std::vector<ValueRange> ranges;
  Eigen::MatrixXf x = inputs;
  for (const LayerPtr& layer : network.layers()) {
    x = layer->forward(x, false);
    ranges.push_back({x.minCoeff(), x.maxCoeff()});
  }
  return ranges;
}

ChannelQuantized quantize_rows(const Eigen::MatrixXf& w) {
  ChannelQuantized q;
  q.values.resize(static_cast<size_t>(w.size()));
  for (Eigen::Index r = 0; r < w.rows(); ++r) {
    const float largest = w.row(r).cwiseAbs().maxCoeff();
    // An all-zero channel (pruned away) still needs a positive scale.
    const float scale = largest > 0 ? largest / 127.0f : 1.0f / 127.0f;
    q.scales.push_back(scale);
    for (Eigen::Index c = 0; c < w.cols(); ++c) {
      const double v = std::round(double(w(r, c)) / double(scale));
      q.values[static_cast<size_t>(r * w.cols() + c)] = static_cast<int8_t>(std::clamp(v, -127.0, 127.0));
    }
  }
  return q;
}

std::vector<int32_t> quantize_bias(const Eigen::MatrixXf& bias, float input_scale, const std::vector<float>& scales) {
  std::vector<int32_t> q;
  constexpr double kMin = std::numeric_limits<int32_t>::min(), kMax = std::numeric_limits<int32_t>::max();
  for (Eigen::Index c = 0; c < bias.rows(); ++c) {
    const double scale = double(input_scale) * double(scales[static_cast<size_t>(c)]);
    q.push_back(static_cast<int32_t>(std::clamp(std::round(double(bias(c, 0)) / scale), kMin, kMax)));
  }
  return q;
}

int8_t quantize_value(float v, const tinyrt::QuantParams& q) {
  const double r = std::round(double(v) / double(q.scale)) + q.zero_point;
  return static_cast<int8_t>(std::clamp(r, -128.0, 127.0));
}

}  // namespace tinysim
