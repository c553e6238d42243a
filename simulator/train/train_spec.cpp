#include "train/train_spec.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iterator>

#include "train/normalization_settings.h"

namespace tinysim {
namespace {

Result<uint64_t> whole(const YamlFields& f, std::string_view key, uint64_t low, uint64_t high) {
  auto text = f.text(key);
  if (!text) return text.error();
  char* end = nullptr;
  const unsigned long long v = std::strtoull(text->c_str(), &end, 10);
  if (text->empty() || *end || (*text)[0] == '-' || v < low || v > high)
    return f.error(key, "expected a whole number from " + std::to_string(low) + " to " + std::to_string(high) +
                            ", got '" + *text + "'");
  return static_cast<uint64_t>(v);
}

Result<double> fraction(const YamlFields& f, std::string_view key, double low, double high) {
  auto v = f.number(key);
  if (!v) return v.error();
  if (!(v.value() >= low && v.value() <= high))
    return f.error(key, "expected a number from " + std::to_string(low) + " to " + std::to_string(high));
  return v.value();
}

Result<std::vector<std::string>> names(const YamlFields& f, std::string_view key) {
  const YAML::Node n = f.node()[std::string(key)];
  if (!n.IsSequence() || n.size() == 0) return f.error(key, "expected a list of label names");
  std::vector<std::string> out;
  for (const YAML::Node& item : n) {
    if (!item.IsScalar()) return f.error(key, "expected a list of label names");
    out.push_back(item.Scalar());
  }
  return out;
}

Status parse_sensor(const YamlFields& root, TrainSpec& s) {
  auto f = root.map("sensor");
  if (!f) return f.error();
  if (Status st = f->only({"rate", "channels", "source"})) return st;
  auto rate = f->quantity("rate", Dimension::Frequency);
  if (!rate) return rate.error();
  // As scenarios read it: a positive rate with at most 3 decimals of Hz, as a fraction.
  const double milli = std::round(rate.value() * 1000.0);
  if (rate.value() <= 0 || std::fabs(rate.value() * 1000.0 - milli) > 1e-6 || milli > 1e12)
    return f->error("rate", "expected a positive rate with at most 3 decimals of Hz");
  s.context.rate = {static_cast<uint64_t>(milli), 1000};
  while (s.context.rate.hz_den > 1 && s.context.rate.hz_num % 10 == 0) {
    s.context.rate.hz_num /= 10;
    s.context.rate.hz_den /= 10;
  }
  auto channels = whole(*f, "channels", 1, 16);
  if (!channels) return channels.error();
  s.context.channels = static_cast<unsigned>(channels.value());
  auto source = f->map("source");
  if (!source) return source.error();
  s.source = source.value();
  return std::nullopt;
}

Status parse_features(const YamlFields& inference, TrainSpec& s) {
  tinyrt::FeatureConfig& c = s.windowing.features;
  const YAML::Node n = inference.node()["features"];
  std::string kind = "raw";
  std::optional<YamlFields> f;
  if (n.IsDefined() && n.IsScalar()) {  // IsScalar() of an absent key throws
    kind = n.Scalar();
  } else if (n.IsDefined()) {
    auto map = inference.map("features");
    if (!map) return map.error();
    if (Status st = map->only({"kind", "fft_size", "hop", "mel_bands", "mfcc_coefficients", "offset", "shift"}))
      return st;
    auto k = map->text("kind");
    if (!k) return k.error();
    kind = k.value();
    f = map.value();
  }
  const YamlFields& at = f ? *f : inference;
  const std::string field = f ? "kind" : "features";
  if (kind == "raw") c.kind = tinyrt::FeatureKind::kRaw;
  else if (kind == "statistics") c.kind = tinyrt::FeatureKind::kStatistics;
  else if (kind == "log_mel") c.kind = tinyrt::FeatureKind::kLogMel;
  else if (kind == "mfcc") c.kind = tinyrt::FeatureKind::kMfcc;
  else if (kind == "normalized") c.kind = tinyrt::FeatureKind::kNormalized;
  else return at.error(field, "unknown feature kind '" + kind +
                                  "'; expected one of: raw, statistics, log_mel, mfcc, normalized");
  if (c.kind == tinyrt::FeatureKind::kNormalized) {
    if (!f) return at.error(field, "normalized needs a map {kind: normalized, offset: [...], shift: [...]}");
    auto normalization = parse_normalization(*f, s.context.channels);
    if (!normalization) return normalization.error();
    std::copy(normalization->begin(), normalization->end(), std::begin(c.normalization));
    return std::nullopt;
  }
  if (c.kind != tinyrt::FeatureKind::kLogMel && c.kind != tinyrt::FeatureKind::kMfcc) return std::nullopt;
  if (!f) return at.error(field, "log_mel and mfcc need a map {kind:, fft_size:, hop:, mel_bands:}");
  auto fft = whole(*f, "fft_size", 64, 1024);
  if (!fft) return fft.error();
  if (fft.value() & (fft.value() - 1)) return f->error("fft_size", "expected a power of two from 64 to 1024");
  auto hop = whole(*f, "hop", 1, 1u << 20);
  if (!hop) return hop.error();
  auto bands = whole(*f, "mel_bands", 1, 128);
  if (!bands) return bands.error();
  c.fft_size = static_cast<uint32_t>(fft.value());
  c.hop_frames = static_cast<uint32_t>(hop.value());
  c.mel_bands = static_cast<uint32_t>(bands.value());
  if (c.kind == tinyrt::FeatureKind::kMfcc) {
    auto coeffs = whole(*f, "mfcc_coefficients", 1, c.mel_bands);
    if (!coeffs) return coeffs.error();
    c.mfcc_coeffs = static_cast<uint32_t>(coeffs.value());
  }
  if (c.fft_size > s.windowing.window_frames) return f->error("fft_size", "expected at most the window's frames");
  return std::nullopt;
}

Status parse_inference(const YamlFields& root, TrainSpec& s) {
  auto f = root.map("inference");
  if (!f) return f.error();
  if (Status st = f->only({"window", "stride", "features"})) return st;
  auto window = whole(*f, "window", 1, 1u << 20);
  if (!window) return window.error();
  s.windowing.window_frames = static_cast<uint32_t>(window.value());
  s.windowing.stride_frames = s.windowing.window_frames;
  if (f->has("stride")) {
    auto stride = whole(*f, "stride", 1, window.value());
    if (!stride) return stride.error();
    s.windowing.stride_frames = static_cast<uint32_t>(stride.value());
  }
  return parse_features(*f, s);
}

/// data.test: {source: {...}, duration: 600 s}, a test stream of its own.
Status parse_test_stream(const YamlFields& data, TrainSpec& s) {
  auto f = data.map("test");
  if (!f) return f.error();
  if (Status st = f->only({"source", "duration"})) return st;
  auto source = f->map("source");
  if (!source) return source.error();
  auto duration = f->quantity("duration", Dimension::Time);
  if (!duration) return duration.error();
  if (duration.value() <= 0) return f->error("duration", "expected a positive time");
  SourceContext context = s.context;
  context.duration_seconds = duration.value();
  context.seed = s.seed + 1;  // not the training stream's noise and draws again
  s.test_stream = TrainSpec::TestStream{source.value(), context};
  s.test_fraction = 0;
  return std::nullopt;
}

Status parse_data(const YamlFields& root, TrainSpec& s) {
  auto f = root.map("data");
  if (!f) return f.error();
  if (Status st = f->only({"duration", "classes", "normal", "validation", "test"})) return st;
  auto duration = f->quantity("duration", Dimension::Time);
  if (!duration) return duration.error();
  if (duration.value() <= 0) return f->error("duration", "expected a positive time");
  s.context.duration_seconds = duration.value();
  if (f->has("classes")) {
    auto c = names(*f, "classes");
    if (!c) return c.error();
    s.classes = c.value();
  }
  if (f->has("normal")) {
    auto c = names(*f, "normal");
    if (!c) return c.error();
    s.normal = c.value();
  }
  if (f->has("test") && f->node()["test"].IsMap()) {
    if (Status st = parse_test_stream(*f, s)) return st;
  }
  for (auto [key, into] : {std::pair{"validation", &s.validation_fraction}, std::pair{"test", &s.test_fraction}}) {
    if (!f->has(key) || (key == std::string_view("test") && s.test_stream)) continue;
    auto v = fraction(*f, key, 0.01, 0.5);
    if (!v) return v.error();
    *into = v.value();
  }
  return std::nullopt;
}

Status parse_training(const YamlFields& root, TrainSpec& s) {
  auto f = root.map("training");
  if (!f) return f.error();
  if (Status st = f->only({"task", "epochs", "batch_size", "learning_rate"})) return st;
  auto task = f->text("task");
  if (!task) return task.error();
  if (task.value() == "classifier") {
    s.task = TrainTask::kClassifier;
    s.training.loss = LossKind::kCrossEntropy;
  } else if (task.value() == "autoencoder") {
    s.task = TrainTask::kAutoencoder;
    s.training.loss = LossKind::kMeanSquaredError;
  } else {
    return f->error("task", "expected classifier (cross-entropy) or autoencoder (mean squared error)");
  }
  auto epochs = whole(*f, "epochs", 1, 10000);
  if (!epochs) return epochs.error();
  s.training.epochs = static_cast<int>(epochs.value());
  if (f->has("batch_size")) {
    auto b = whole(*f, "batch_size", 1, 4096);
    if (!b) return b.error();
    s.training.batch_size = static_cast<int>(b.value());
  }
  if (f->has("learning_rate")) {
    auto lr = fraction(*f, "learning_rate", 1e-6, 1.0);
    if (!lr) return lr.error();
    s.training.adam.learning_rate = static_cast<float>(lr.value());
  }
  return std::nullopt;
}

Status parse_quantization(const YamlFields& root, TrainSpec& s) {
  if (!root.has("quantization")) return std::nullopt;
  auto f = root.map("quantization");
  if (!f) return f.error();
  if (Status st = f->only({"calibration_windows", "qat_epochs"})) return st;
  if (f->has("calibration_windows")) {
    auto n = whole(*f, "calibration_windows", 1, 1000000);
    if (!n) return n.error();
    s.calibration_windows = static_cast<uint32_t>(n.value());
  }
  if (f->has("qat_epochs")) {
    auto n = whole(*f, "qat_epochs", 0, 1000);
    if (!n) return n.error();
    s.qat_epochs = static_cast<int>(n.value());
  }
  return std::nullopt;
}

Status parse_pruning(const YamlFields& root, TrainSpec& s) {
  if (!root.has("pruning")) return std::nullopt;
  auto f = root.map("pruning");
  if (!f) return f.error();
  if (Status st = f->only({"sparsity", "epochs"})) return st;
  auto sparsity = fraction(*f, "sparsity", 0.0, 0.99);
  if (!sparsity) return sparsity.error();
  s.sparsity = sparsity.value();
  auto epochs = whole(*f, "epochs", 1, 1000);
  if (!epochs) return epochs.error();
  s.prune_epochs = static_cast<int>(epochs.value());
  return std::nullopt;
}

}  // namespace

Result<TrainSpec> parse_train_spec(const YAML::Node& root, const std::string& file) {
  const YamlFields f(root, file, "");
  if (Status st = f.only({"name", "seed", "sensor", "inference", "data", "model", "training", "quantization",
                          "pruning"}))
    return *st;
  TrainSpec s;
  s.file = file;
  auto name = f.text("name");
  if (!name) return name.error();
  s.name = name.value();
  if (f.has("seed")) {
    auto seed = whole(f, "seed", 0, UINT64_MAX);
    if (!seed) return seed.error();
    s.seed = seed.value();
  }
  s.training.seed = s.seed;
  s.context.seed = s.seed;
  s.context.base_dir = std::filesystem::path(file).parent_path().string();
  for (auto parse : {parse_sensor, parse_inference, parse_data, parse_training, parse_quantization, parse_pruning})
    if (Status st = parse(f, s)) return *st;
  s.layers = root["model"];
  if (!s.layers.IsSequence() || s.layers.size() == 0)
    return f.error("model", "expected a list of layers, e.g. - dense: {units: 16, activation: relu}");
  if (s.task == TrainTask::kAutoencoder && s.normal.empty())
    return f.error("data", "an autoencoder needs data.normal: the labels it learns as normal");
  return s;
}

Result<TrainSpec> load_train_spec(const std::string& path) {
  auto root = load_yaml_file(path, "the training spec");
  if (!root) return root.error();
  return parse_train_spec(root.value(), path);
}

}  // namespace tinysim
