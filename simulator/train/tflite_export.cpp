#include "train/tflite_export.h"

#include "model/tflite_writer.h"
#include "train/conv_layer.h"
#include "train/dense_layer.h"
#include "train/depthwise_conv_layer.h"
#include "train/pool_layer.h"

namespace tinysim {
namespace {

using tinyrt::BuiltinOp;
using tinyrt::TensorType;

/// Softmax's int8 output by the TFLite spec: scale 1/256, zero point -128.
constexpr tinyrt::QuantParams kSoftmaxOutput{1.0f / 256.0f, -128};

std::vector<int32_t> tensor_shape(TensorShape s) {
  if (s.height == 1 && s.width == 1) return {1, s.channels};
  return {1, s.height, s.width, s.channels};
}

tinyrt::Activation fused(LayerActivation a) {
  return a == LayerActivation::kRelu ? tinyrt::Activation::kRelu : tinyrt::Activation::kNone;
}

/// Builds the graph layer by layer; `current` is the tensor the next op reads.
class GraphBuilder {
 public:
  GraphBuilder(TensorShape input, tinyrt::QuantParams q, const std::string& description) {
    graph_.description = description;
    current_ = activation("input", tensor_shape(input), q);
    graph_.inputs = {current_};
  }

  int32_t activation(const std::string& name, std::vector<int32_t> shape, tinyrt::QuantParams q) {
    TfliteTensor t;
    t.name = name;
    t.shape = std::move(shape);
    t.quantization.scale = {q.scale};
    t.quantization.zero_point = {q.zero_point};
    return push(std::move(t));
  }

  /// Weights quantised per row of `w`; `shape` and `transpose_taps` give the layout.
  int32_t weights(const std::string& name, const Eigen::MatrixXf& w, std::vector<int32_t> shape,
                  int32_t quantized_dimension, bool tap_major, std::vector<float>* scales) {
    const ChannelQuantized q = quantize_rows(w);
    std::vector<int8_t> values = q.values;
    if (tap_major) {  // [channels x taps] -> [taps x channels]
      for (Eigen::Index c = 0; c < w.rows(); ++c)
        for (Eigen::Index t = 0; t < w.cols(); ++t)
          values[static_cast<size_t>(t * w.rows() + c)] = q.values[static_cast<size_t>(c * w.cols() + t)];
    }
    TfliteTensor t;
    t.name = name;
    t.shape = std::move(shape);
    t.set_data(values);
    t.quantization.scale = q.scales;
    t.quantization.zero_point.assign(q.scales.size(), 0);
    t.quantization.quantized_dimension = quantized_dimension;
    *scales = q.scales;
    return push(std::move(t));
  }

  int32_t bias(const std::string& name, const Eigen::MatrixXf& b, float input_scale, const std::vector<float>& scales) {
    TfliteTensor t;
    t.name = name;
    t.type = TensorType::kInt32;
    t.shape = {static_cast<int32_t>(b.rows())};
    t.set_data(quantize_bias(b, input_scale, scales));
    for (float s : scales) t.quantization.scale.push_back(static_cast<float>(double(input_scale) * double(s)));
    t.quantization.zero_point.assign(scales.size(), 0);
    return push(std::move(t));
  }

  TfliteOperator& op(BuiltinOp code, std::vector<int32_t> inputs, int32_t output) {
    TfliteOperator o;
    o.builtin_code = static_cast<int32_t>(code);
    o.inputs = std::move(inputs);
    o.outputs = {output};
    graph_.operators.push_back(std::move(o));
    current_ = output;
    return graph_.operators.back();
  }

  int32_t current() const { return current_; }
  tinyrt::QuantParams current_quant() const {
    const TfliteQuantization& q = graph_.tensors[static_cast<size_t>(current_)].quantization;
    return {q.scale[0], static_cast<int32_t>(q.zero_point[0])};
  }
  TfliteGraph finish() {
    graph_.outputs = {current_};
    return std::move(graph_);
  }

 private:
  int32_t push(TfliteTensor t) {
    graph_.tensors.push_back(std::move(t));
    return static_cast<int32_t>(graph_.tensors.size() - 1);
  }
  TfliteGraph graph_;
  int32_t current_ = 0;
};

/// Conv2DOptions or DepthwiseConv2DOptions from the layer's window and activation.
template <class Options>
void set_conv(Options& o, const WindowSettings& w, LayerActivation a) {
  o.padding = w.padding;
  o.stride_h = w.stride_h;
  o.stride_w = w.stride_w;
  o.activation = fused(a);
}

void set_window(tinyrt::Pool2DOptions& o, const WindowSettings& w) {
  o.padding = w.padding;
  o.stride_h = w.stride_h;
  o.stride_w = w.stride_w;
  o.filter_h = w.kernel_h;
  o.filter_w = w.kernel_w;
}

}  // namespace

Result<TfliteGraph> int8_graph(const Network& network, const std::vector<ValueRange>& ranges,
                               const ExportSettings& settings) {
  if (ranges.size() != network.layers().size())
    return make_error("calibration ranges for " + std::to_string(ranges.size()) + " layers, network has " +
                      std::to_string(network.layers().size()));
  GraphBuilder b(network.input_shape(), settings.input, settings.description);
  for (size_t i = 0; i < network.layers().size(); ++i) {
    const Layer& layer = *network.layers()[i];
    const std::string name = layer.kind_name() + "_" + std::to_string(i);
    const tinyrt::QuantParams in_q = b.current_quant();
    const int32_t in = b.current();
    const std::vector<int32_t> out_shape = tensor_shape(layer.output_shape());
    std::vector<float> scales;
    switch (layer.kind()) {
      case LayerKind::kDense: {
        const auto& d = static_cast<const DenseLayer&>(layer);
        const int32_t w = b.weights(name + "/weights", d.weights(),
                                    {int32_t(d.weights().rows()), int32_t(d.weights().cols())}, 0, false, &scales);
        const int32_t bias = b.bias(name + "/bias", d.bias(), in_q.scale, scales);
        const int32_t out = b.activation(name, out_shape, activation_quantization(ranges[i]));
        b.op(BuiltinOp::kFullyConnected, {in, w, bias}, out).options.fully_connected.activation =
            fused(d.activation());
        break;
      }
      case LayerKind::kConv2D: {
        const auto& c = static_cast<const ConvLayer&>(layer);
        const WindowSettings& win = c.geometry().window;
        const int32_t w = b.weights(name + "/weights", c.weights(),
                                    {int32_t(c.weights().rows()), win.kernel_h, win.kernel_w,
                                     c.geometry().input.channels}, 0, false, &scales);
        const int32_t bias = b.bias(name + "/bias", c.bias(), in_q.scale, scales);
        const int32_t out = b.activation(name, out_shape, activation_quantization(ranges[i]));
        set_conv(b.op(BuiltinOp::kConv2D, {in, w, bias}, out).options.conv2d, win, c.activation());
        break;
      }
      case LayerKind::kDepthwiseConv2D: {
        const auto& c = static_cast<const DepthwiseConvLayer&>(layer);
        const WindowSettings& win = c.geometry().window;
        const int32_t w = b.weights(name + "/weights", c.weights(),
                                    {1, win.kernel_h, win.kernel_w, c.geometry().input.channels}, 3, true, &scales);
        const int32_t bias = b.bias(name + "/bias", c.bias(), in_q.scale, scales);
        const int32_t out = b.activation(name, out_shape, activation_quantization(ranges[i]));
        tinyrt::DepthwiseConv2DOptions& o = b.op(BuiltinOp::kDepthwiseConv2D, {in, w, bias}, out).options.depthwise;
        set_conv(o, win, c.activation());
        o.depth_multiplier = 1;
        break;
      }
      case LayerKind::kMaxPool:
      case LayerKind::kAveragePool: {
        // Pooling keeps its input's quantisation (TFLite requires it).
        const int32_t out = b.activation(name, out_shape, in_q);
        const auto code = layer.kind() == LayerKind::kMaxPool ? BuiltinOp::kMaxPool2D : BuiltinOp::kAveragePool2D;
        set_window(b.op(code, {in}, out).options.pool, static_cast<const PoolLayer&>(layer).geometry().window);
        break;
      }
      case LayerKind::kFlatten: {
        const int32_t out = b.activation(name, out_shape, in_q);
        TfliteOperator& o = b.op(BuiltinOp::kReshape, {in}, out);
        o.has_new_shape = true;
        o.new_shape = out_shape;
        break;
      }
      case LayerKind::kDropout: break;  // the identity at inference
      case LayerKind::kSoftmax: {
        const int32_t out = b.activation(name, out_shape, kSoftmaxOutput);
        b.op(BuiltinOp::kSoftmax, {in}, out).options.softmax.beta = 1.0f;
        break;
      }
    }
  }
  return b.finish();
}

Result<std::vector<uint8_t>> export_int8_tflite(const Network& network, const std::vector<ValueRange>& ranges,
                                                const ExportSettings& settings) {
  auto graph = int8_graph(network, ranges, settings);
  if (!graph) return graph.error();
  return write_tflite(graph.value());
}

}  // namespace tinysim
