#include "train/pool_layer.h"

namespace tinysim {

Eigen::MatrixXf PoolLayer::forward(const Eigen::MatrixXf& input, bool training) {
  const int32_t channels = geometry_.input.channels;
  const int32_t outputs = output_shape().size();
  std::vector<std::vector<int32_t>> pixels(static_cast<size_t>(geometry_.out_h * geometry_.out_w));
  geometry_.for_each_tap([&](int32_t position, int32_t, int32_t pixel) {
    pixels[static_cast<size_t>(position)].push_back(pixel);
  });
  Eigen::MatrixXf out(outputs, input.cols());
  if (training) routes_.assign(static_cast<size_t>(outputs * input.cols()), {});
  std::vector<std::pair<int32_t, float>> taps;
  for (Eigen::Index e = 0; e < input.cols(); ++e) {
    const float* x = input.col(e).data();
    for (size_t position = 0; position < pixels.size(); ++position)
      for (int32_t c = 0; c < channels; ++c) {
        taps.clear();
        for (int32_t pixel : pixels[position]) taps.push_back({pixel * channels + c, 0.0f});
        float value = 0.0f;
        if (max_) {
          size_t best = 0;
          for (size_t t = 1; t < taps.size(); ++t)
            if (x[taps[t].first] > x[taps[best].first]) best = t;
          value = taps.empty() ? 0.0f : x[taps[best].first];
          for (size_t t = 0; t < taps.size(); ++t) taps[t].second = t == best ? 1.0f : 0.0f;
        } else {
          const float share = taps.empty() ? 0.0f : 1.0f / static_cast<float>(taps.size());
          for (auto& t : taps) {
            t.second = share;
            value += x[t.first];
          }
          value *= share;
        }
        const int32_t o = static_cast<int32_t>(position) * channels + c;
        out(o, e) = value;
        if (training) routes_[static_cast<size_t>(e * outputs + o)] = taps;
      }
  }
  return out;
}

Eigen::MatrixXf PoolLayer::backward(const Eigen::MatrixXf& output_gradient) {
  const Eigen::Index outputs = output_gradient.rows();
  Eigen::MatrixXf input_gradient = Eigen::MatrixXf::Zero(geometry_.input.size(), output_gradient.cols());
  for (Eigen::Index e = 0; e < output_gradient.cols(); ++e)
    for (Eigen::Index o = 0; o < outputs; ++o)
      for (const auto& [index, weight] : routes_[static_cast<size_t>(e * outputs + o)])
        input_gradient(index, e) += weight * output_gradient(o, e);
  return input_gradient;
}

}  // namespace tinysim
