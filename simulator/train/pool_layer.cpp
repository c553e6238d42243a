#include "train/pool_layer.h"

namespace tinysim {

PoolLayer::PoolLayer(const ConvGeometry& geometry, bool max)
    : geometry_(geometry), max_(max), window_pixels_(static_cast<size_t>(geometry.out_h * geometry.out_w)) {
  geometry_.for_each_tap([&](int32_t position, int32_t, int32_t pixel) {
    window_pixels_[static_cast<size_t>(position)].push_back(pixel);
  });
}

Eigen::MatrixXf PoolLayer::forward(const Eigen::MatrixXf& input, bool training) {
  const int32_t channels = geometry_.input.channels;
  const int32_t outputs = output_shape().size();
  Eigen::MatrixXf out(outputs, input.cols());
  if (training && max_) winners_.assign(static_cast<size_t>(outputs * input.cols()), -1);
  for (Eigen::Index e = 0; e < input.cols(); ++e) {
    const float* x = input.col(e).data();
    for (size_t position = 0; position < window_pixels_.size(); ++position) {
      const std::vector<int32_t>& window = window_pixels_[position];
      for (int32_t c = 0; c < channels; ++c) {
        const int32_t o = static_cast<int32_t>(position) * channels + c;
        float value = 0.0f;
        if (max_) {
          int32_t best = -1;  // the first of equal maxima, as TFLite's kernel keeps it
          for (int32_t pixel : window)
            if (best < 0 || x[pixel * channels + c] > x[best]) best = pixel * channels + c;
          if (best >= 0) value = x[best];
          if (training) winners_[static_cast<size_t>(e * outputs + o)] = best;
        } else if (!window.empty()) {
          for (int32_t pixel : window) value += x[pixel * channels + c];
          value *= 1.0f / static_cast<float>(window.size());
        }
        out(o, e) = value;
      }
    }
  }
  return out;
}

Eigen::MatrixXf PoolLayer::backward(const Eigen::MatrixXf& output_gradient) {
  const int32_t channels = geometry_.input.channels;
  const Eigen::Index outputs = output_gradient.rows();
  Eigen::MatrixXf input_gradient = Eigen::MatrixXf::Zero(geometry_.input.size(), output_gradient.cols());
  for (Eigen::Index e = 0; e < output_gradient.cols(); ++e)
    for (Eigen::Index o = 0; o < outputs; ++o) {
      const float g = output_gradient(o, e);
      if (max_) {
        const int32_t winner = winners_[static_cast<size_t>(e * outputs + o)];
        if (winner >= 0) input_gradient(winner, e) += g;
        continue;
      }
      const std::vector<int32_t>& window = window_pixels_[static_cast<size_t>(o / channels)];
      const float share_of_g = 1.0f / static_cast<float>(window.size()) * g;
      for (int32_t pixel : window) input_gradient(pixel * channels + int32_t(o % channels), e) += share_of_g;
    }
  return input_gradient;
}

}  // namespace tinysim
