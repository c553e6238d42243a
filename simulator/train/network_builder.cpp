#include "train/network_builder.h"

#include <cstdlib>

#include "core/yaml_fields.h"
#include "train/conv_layer.h"
#include "train/dense_layer.h"
#include "train/depthwise_conv_layer.h"
#include "train/pool_layer.h"
#include "train/simple_layers.h"

namespace tinysim {
namespace {

constexpr const char* kKinds =
    "dense, conv1d, conv2d, depthwise_conv2d, separable_conv2d, max_pool, average_pool, flatten, dropout, softmax";

/// One `model[i]` entry being read: its settings map and where it is.
struct LayerEntry {
  std::string kind;
  YamlFields entry;     ///< the {kind: settings} map
  YamlFields settings;  ///< its settings (a map, or null for none)
  std::string where;    ///< "model[3] (conv2d)"

  bool has(std::string_view key) const { return settings.node().IsMap() && settings.has(key); }
  /// Located at the key (or the entry), named by the layer: "model[3] (conv2d): ...".
  Error error(std::string_view key, const std::string& message) const {
    Error e = has(key) ? settings.error(key, message) : entry.error("", message);
    e.field = where;
    return e;
  }

  Result<int32_t> whole(std::string_view key, int32_t fallback, int32_t low, int32_t high) const {
    if (!has(key)) {
      if (fallback >= low) return fallback;
      return error(key, "missing '" + std::string(key) + "'");
    }
    auto text = settings.text(key);
    if (!text) return text.error();
    char* end = nullptr;
    const long v = std::strtol(text->c_str(), &end, 10);
    if (text->empty() || *end || v < low || v > high)
      return error(key, std::string(key) + ": expected a whole number from " + std::to_string(low) + " to " +
                            std::to_string(high) + ", got '" + *text + "'");
    return static_cast<int32_t>(v);
  }

  /// A size given as n (n x n, or 1 x n on a height-1 input) or [h, w].
  Result<std::pair<int32_t, int32_t>> size2(std::string_view key, int32_t fallback, TensorShape input) const {
    const YAML::Node n = has(key) ? settings.node()[std::string(key)] : YAML::Node();
    if (n.IsSequence()) {
      if (n.size() != 2) return error(key, std::string(key) + ": expected n or [height, width]");
      int32_t hw[2];
      for (size_t i = 0; i < 2; ++i) {
        char* end = nullptr;
        const long v = std::strtol(n[i].Scalar().c_str(), &end, 10);
        if (*end || v < 1 || v > 1024) return error(key, std::string(key) + ": expected whole numbers from 1 to 1024");
        hw[i] = static_cast<int32_t>(v);
      }
      return std::pair{hw[0], hw[1]};
    }
    auto v = whole(key, fallback, 1, 1024);
    if (!v) return v.error();
    return std::pair{input.height == 1 ? 1 : v.value(), v.value()};
  }

  Result<LayerActivation> activation() const {
    if (!has("activation")) return LayerActivation::kNone;
    auto text = settings.text("activation");
    if (!text) return text.error();
    if (text.value() == "relu") return LayerActivation::kRelu;
    if (text.value() == "none" || text.value() == "linear") return LayerActivation::kNone;
    return error("activation", "activation: expected relu or none, got '" + text.value() + "'");
  }

  Status only(std::initializer_list<std::string_view> keys) const {
    if (!settings.node().IsMap()) return std::nullopt;
    if (Status st = settings.only(keys)) {
      st->message = where + ": " + st->message;
      return st;
    }
    return std::nullopt;
  }
};

Result<ConvGeometry> window_geometry(const LayerEntry& e, TensorShape input, bool pooling) {
  auto kernel = e.size2(pooling ? "size" : "kernel", pooling ? 2 : -1, input);
  if (!kernel) return kernel.error();
  WindowSettings w;
  w.kernel_h = kernel->first;
  w.kernel_w = kernel->second;
  auto stride = e.size2("stride", pooling ? kernel->second : 1, input);
  if (!stride) return stride.error();
  w.stride_h = input.height == 1 ? 1 : stride->first;
  w.stride_w = stride->second;
  w.padding = pooling ? tinyrt::Padding::kValid : tinyrt::Padding::kSame;
  if (e.has("padding")) {
    auto p = e.settings.text("padding");
    if (!p) return p.error();
    if (p.value() == "same") w.padding = tinyrt::Padding::kSame;
    else if (p.value() == "valid") w.padding = tinyrt::Padding::kValid;
    else return e.error("padding", "padding: expected same or valid, got '" + p.value() + "'");
  }
  const ConvGeometry g = conv_geometry(input, w);
  if (g.out_h <= 0 || g.out_w <= 0)
    return e.error("", "a " + std::to_string(w.kernel_h) + "x" + std::to_string(w.kernel_w) +
                           " window does not fit the " + shape_text(input) + " input");
  return g;
}

/// Adds the layer(s) of one entry to `net`.
Status add_layer(const LayerEntry& e, Network& net, SeededRandom& random, uint64_t seed) {
  const TensorShape in = net.output_shape();
  if (e.kind == "dense") {
    if (Status st = e.only({"units", "activation"})) return st;
    auto units = e.whole("units", -1, 1, 65536);
    if (!units) return units.error();
    auto a = e.activation();
    if (!a) return a.error();
    net.add(std::make_unique<DenseLayer>(in, units.value(), a.value(), random));
    return std::nullopt;
  }
  if (e.kind == "conv1d" || e.kind == "conv2d" || e.kind == "separable_conv2d" || e.kind == "depthwise_conv2d") {
    if (e.kind == "depthwise_conv2d") {
      if (Status st = e.only({"kernel", "stride", "padding", "activation"})) return st;
    } else if (Status st = e.only({"filters", "kernel", "stride", "padding", "activation"})) {
      return st;
    }
    if (e.kind == "conv1d" && in.height != 1)
      return e.error("", "conv1d needs a height-1 input (frames x channels); this input is " + shape_text(in) +
                             ": use conv2d");
    auto g = window_geometry(e, in, false);
    if (!g) return g.error();
    auto a = e.activation();
    if (!a) return a.error();
    if (e.kind == "depthwise_conv2d") {
      net.add(std::make_unique<DepthwiseConvLayer>(g.value(), a.value(), random));
      return std::nullopt;
    }
    auto filters = e.whole("filters", -1, 1, 4096);
    if (!filters) return filters.error();
    if (e.kind == "separable_conv2d") {  // depthwise, then a 1x1 convolution mixing the channels
      net.add(std::make_unique<DepthwiseConvLayer>(g.value(), a.value(), random));
      WindowSettings pointwise;
      net.add(std::make_unique<ConvLayer>(conv_geometry(net.output_shape(), pointwise), filters.value(), a.value(),
                                          random));
    } else {
      net.add(std::make_unique<ConvLayer>(g.value(), filters.value(), a.value(), random));
    }
    return std::nullopt;
  }
  if (e.kind == "max_pool" || e.kind == "average_pool") {
    if (Status st = e.only({"size", "stride", "padding"})) return st;
    auto g = window_geometry(e, in, true);
    if (!g) return g.error();
    net.add(std::make_unique<PoolLayer>(g.value(), e.kind == "max_pool"));
    return std::nullopt;
  }
  if (e.kind == "flatten") {
    if (Status st = e.only({})) return st;
    net.add(std::make_unique<FlattenLayer>(in));
    return std::nullopt;
  }
  if (e.kind == "dropout") {
    if (Status st = e.only({"rate"})) return st;
    if (!e.has("rate")) return e.error("rate", "missing 'rate' (the fraction of values dropped)");
    auto rate = e.settings.number("rate");
    if (!rate) return rate.error();
    if (!(rate.value() >= 0 && rate.value() < 1)) return e.error("rate", "rate: expected 0 to below 1");
    net.add(std::make_unique<DropoutLayer>(in, static_cast<float>(rate.value()), seed + net.layers().size()));
    return std::nullopt;
  }
  if (e.kind == "softmax") {
    if (Status st = e.only({})) return st;
    if (in.height != 1 || in.width != 1)
      return e.error("", "softmax needs a flat input (1x1xN); this input is " + shape_text(in) +
                             ": add flatten and dense first");
    net.add(std::make_unique<SoftmaxLayer>(in));
    return std::nullopt;
  }
  return e.error("", "unknown layer '" + e.kind + "'; expected one of: " + kKinds);
}

}  // namespace

const char* layer_kind_names() { return kKinds; }

Result<Network> build_network(const YAML::Node& layers, const std::string& file, TensorShape input, uint64_t seed) {
  Network net(input);
  SeededRandom random(seed);
  for (size_t i = 0; i < layers.size(); ++i) {
    const YAML::Node entry = layers[i];
    const std::string path = "model[" + std::to_string(i) + "]";
    if (!entry.IsMap() || entry.size() != 1) {
      Error e = YamlFields(entry, file, path).error("", "expected one layer as {kind: {settings}}, e.g. "
                                                        "- dense: {units: 16, activation: relu}");
      return e;
    }
    const auto item = entry.begin();
    const std::string kind = item->first.Scalar();
    const LayerEntry e{kind, YamlFields(entry, file, path), YamlFields(item->second, file, path + "." + kind),
                       path + " (" + kind + ")"};
    if (!item->second.IsMap() && !item->second.IsNull())
      return e.error("", "expected the layer's settings as a map");
    if (Status st = add_layer(e, net, random, seed)) return *st;
  }
  return net;
}

}  // namespace tinysim
