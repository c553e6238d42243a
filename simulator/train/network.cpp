#include "train/network.h"

#include "train/conv_layer.h"
#include "train/depthwise_conv_layer.h"

namespace tinysim {

std::string shape_text(const TensorShape& s) {
  return std::to_string(s.height) + "x" + std::to_string(s.width) + "x" + std::to_string(s.channels);
}

Eigen::MatrixXf Network::forward(const Eigen::MatrixXf& input, bool training) {
  Eigen::MatrixXf x = input;
  for (size_t i = 0; i < layers_.size(); ++i) {
    x = layers_[i]->forward(x, training);
    if (i < fake_quant_.size() && fake_quant_[i]) {
      const tinyrt::QuantParams q = *fake_quant_[i];
      const float low = q.scale * float(-128 - q.zero_point), high = q.scale * float(127 - q.zero_point);
      x = ((x / q.scale).array().round() * q.scale).cwiseMax(low).cwiseMin(high).matrix();
    }
  }
  return x;
}

void Network::backward(const Eigen::MatrixXf& output_gradient) {
  Eigen::MatrixXf g = output_gradient;
  for (auto it = layers_.rbegin(); it != layers_.rend(); ++it) g = (*it)->backward(g);
}

std::vector<Parameter> Network::parameters() {
  std::vector<Parameter> all;
  for (const LayerPtr& layer : layers_)
    for (const Parameter& p : layer->parameters()) all.push_back(p);
  return all;
}

void Network::zero_gradients() {
  for (const Parameter& p : parameters()) p.gradient->setZero();
}

uint64_t Network::macs() const {
  uint64_t total = 0;
  for (const LayerPtr& layer : layers_) total += layer->macs();
  return total;
}

Network::InputFold Network::input_fold() const {
  for (const LayerPtr& layer : layers_) {
    if (layer->parameters_count() == 0) continue;
    if (layer->kind() == LayerKind::kDense) return InputFold::kPerFeature;
    const ConvGeometry* g = layer->kind() == LayerKind::kConv2D
                                ? &static_cast<const ConvLayer&>(*layer).geometry()
                                : &static_cast<const DepthwiseConvLayer&>(*layer).geometry();
    return g->window.padding == tinyrt::Padding::kValid ? InputFold::kCentred : InputFold::kScaleOnly;
  }
  return InputFold::kScaleOnly;
}

void Network::fold_input_standardization(const Eigen::VectorXf& mean, const Eigen::VectorXf& scale) {
  for (const LayerPtr& layer : layers_) {
    std::vector<Parameter> p = layer->parameters();
    if (p.empty()) continue;
    Eigen::MatrixXf& w = *p[0].value;
    if (layer->kind() == LayerKind::kDense) {
      *p[1].value -= w * mean.cwiseQuotient(scale);
      w = w * scale.cwiseInverse().asDiagonal();
    } else {  // a convolution: every weight of an output channel meets (x - m) / s
      *p[1].value -= w.rowwise().sum() * (mean(0) / scale(0));
      w /= scale(0);
    }
    return;
  }
}

void Network::fold_output_standardization(const Eigen::VectorXf& mean, const Eigen::VectorXf& scale) {
  std::vector<Parameter> p = layers_.back()->parameters();
  *p[0].value = scale.asDiagonal() * *p[0].value;
  *p[1].value = p[1].value->cwiseProduct(scale) + mean;
}

size_t Network::parameter_count() {
  size_t n = 0;
  for (const Parameter& p : parameters()) n += static_cast<size_t>(p.value->size());
  return n;
}

}  // namespace tinysim
