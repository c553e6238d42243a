#include "train/train_run.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>

#include "core/join.h"
#include "train/data_split.h"
#include "train/int8_runner.h"
#include "train/network_builder.h"
#include "train/pruner.h"
#include "train/qat.h"
#include "train/tflite_export.h"

namespace tinysim {
namespace {

/// The model input's shape for a feature configuration (what the firmware fills).
TensorShape feature_shape(const tinyrt::FeatureConfig& c, uint32_t count) {
  switch (c.kind) {
    case tinyrt::FeatureKind::kRaw:
    case tinyrt::FeatureKind::kNormalized: return {1, int32_t(c.window_frames), int32_t(c.channels)};
    case tinyrt::FeatureKind::kStatistics: return {1, 1, int32_t(count)};
    case tinyrt::FeatureKind::kLogMel: return {int32_t(count / c.mel_bands), int32_t(c.mel_bands), 1};
    case tinyrt::FeatureKind::kMfcc: return {int32_t(count / c.mfcc_coeffs), int32_t(c.mfcc_coeffs), 1};
  }
  return {1, 1, int32_t(count)};
}

std::string fixed(double v, int digits = 3) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

/// Windows that take part, each with its class (index into `classes`, or for an
/// autoencoder 0 = normal, 1 = anomaly).
struct LabelledWindows {
  std::vector<size_t> windows;
  std::vector<int> classes;
};

Result<LabelledWindows> label_windows(const TrainSpec& spec, const FeatureWindows& w,
                                      const std::vector<std::string>& label_names, std::vector<std::string>& classes) {
  auto index_of = [&](const std::string& name) {
    return int(std::find(label_names.begin(), label_names.end(), name) - label_names.begin());
  };
  const std::vector<std::string>& wanted = spec.task == TrainTask::kAutoencoder ? spec.normal : spec.classes;
  for (const std::string& name : wanted)
    if (index_of(name) == int(label_names.size()))
      return make_error("the source has no label '" + name + "' (its labels: " + join(label_names) + ")", spec.file);
  std::vector<int> class_of(label_names.size(), -1);
  if (spec.task == TrainTask::kAutoencoder) {
    classes = {"normal", "anomaly"};
    for (size_t l = 0; l < label_names.size(); ++l) class_of[l] = 1;
    for (const std::string& name : spec.normal) class_of[size_t(index_of(name))] = 0;
  } else {
    classes = spec.classes.empty() ? label_names : spec.classes;
    for (size_t c = 0; c < classes.size(); ++c) class_of[size_t(index_of(classes[c]))] = int(c);
  }
  LabelledWindows out;
  for (size_t i = 0; i < w.labels.size(); ++i) {
    if (w.labels[i] == kNoLabel || class_of[size_t(w.labels[i])] < 0) continue;
    out.windows.push_back(i);
    out.classes.push_back(class_of[size_t(w.labels[i])]);
  }
  return out;
}

/// Mean squared difference between an example's input and its reconstruction.
double reconstruction_error(const float* input, const float* output, Eigen::Index n) {
  double sum = 0;
  for (Eigen::Index i = 0; i < n; ++i) sum += double(output[i] - input[i]) * double(output[i] - input[i]);
  return sum / double(n);
}

/// A stream's featured windows and the classes of those that take part.
struct LabelledStream {
  std::shared_ptr<const SensorSource> source;
  FeatureWindows windows;
  LabelledWindows labelled;
};

Result<LabelledStream> load_stream(const TrainSpec& spec, const YamlFields& source_map, const SourceContext& context,
                                   std::vector<std::string>& classes) {
  auto source = make_sensor_source(source_map, context);
  if (!source) return source.error();
  const SampleRate rate = source.value()->rate();
  const auto frames = static_cast<uint64_t>(context.duration_seconds * double(rate.hz_num) / double(rate.hz_den));
  auto windows = extract_windows(*source.value(), spec.windowing, frames);
  if (!windows) return Error(make_error(windows.error().message, spec.file));
  auto labelled = label_windows(spec, windows.value(), source.value()->label_names(), classes);
  if (!labelled) return labelled.error();
  return LabelledStream{source.value(), std::move(windows.value()), std::move(labelled.value())};
}

}  // namespace

Result<TrainOutcome> train_from_spec(const TrainSpec& spec, const TrainLog& log_line) {
  auto log = [&](const std::string& line) {
    if (log_line) log_line(line);
  };
  TrainOutcome outcome;
  TrainFigures& fig = outcome.figures;
  auto main_stream = load_stream(spec, spec.source, spec.context, fig.classes);
  if (!main_stream) return main_stream.error();
  const LabelledStream& data = main_stream.value();
  const LabelledWindows& lw = data.labelled;
  const size_t block = 4 * ((spec.windowing.window_frames + spec.windowing.stride_frames - 1) /
                            spec.windowing.stride_frames);
  const std::vector<Split> splits =
      split_windows(lw.windows.size(), block, spec.validation_fraction, spec.test_fraction, spec.seed);

  // Which labelled windows each split gets (an autoencoder trains on normal windows only).
  std::vector<size_t> members[3];
  for (size_t i = 0; i < lw.windows.size(); ++i) {
    const Split s = splits[i];
    if (s != Split::kTest && spec.task == TrainTask::kAutoencoder && lw.classes[i] != 0) continue;
    members[size_t(s)].push_back(i);
  }
  // The test split: held-out blocks of the stream, or every labelled window of a test stream of its own.
  std::optional<LabelledStream> test_stream;
  if (spec.test_stream) {
    std::vector<std::string> test_classes;
    auto loaded = load_stream(spec, spec.test_stream->source, spec.test_stream->context, test_classes);
    if (!loaded) return loaded.error();
    if (test_classes != fig.classes)
      return spec.test_stream->source.error("", "the test stream's classes (" + join(test_classes) +
                                                    ") are not the training stream's (" + join(fig.classes) + ")");
    test_stream = std::move(loaded.value());
    for (size_t i = 0; i < test_stream->labelled.windows.size(); ++i) members[2].push_back(i);
  }
  const LabelledStream& test_data = test_stream ? *test_stream : data;
  fig.windows = {members[0].size(), members[1].size(), members[2].size()};
  if (members[0].empty() || members[2].empty())
    return make_error("too little labelled data for a train and a test split (" + std::to_string(lw.windows.size()) +
                          " labelled windows): make data.duration longer",
                      spec.file);
  log(std::to_string(lw.windows.size() + (test_stream ? members[2].size() : 0)) + " labelled windows of " +
      std::to_string(data.windows.feature_count) + " features: " + std::to_string(fig.windows.train) + " train, " +
      std::to_string(fig.windows.validation) + " validation, " + std::to_string(fig.windows.test) + " test" +
      (test_stream ? " (a stream of its own)" : ""));

  // Model input: the int8 values the firmware's pipeline gives; float training sees them dequantised.
  std::vector<size_t> train_windows;
  for (size_t i : members[0]) train_windows.push_back(lw.windows[i]);
  fig.input_quant = input_quantization(data.windows, train_windows);
  auto examples = [&](const LabelledStream& from, const std::vector<size_t>& of,
                      std::vector<std::vector<int8_t>>* int8_inputs) {
    std::vector<size_t> ids;
    for (size_t i : of) ids.push_back(from.labelled.windows[i]);
    std::vector<std::vector<int8_t>> q = quantized_windows(*from.source, from.windows, ids, fig.input_quant);
    Examples e;
    e.inputs.resize(from.windows.feature_count, Eigen::Index(of.size()));
    for (size_t k = 0; k < of.size(); ++k)
      for (uint32_t f = 0; f < from.windows.feature_count; ++f)
        e.inputs(f, Eigen::Index(k)) = dequantize_value(q[k][f], fig.input_quant);
    if (spec.task == TrainTask::kAutoencoder) {
      e.targets = e.inputs;
    } else {
      e.targets = Eigen::MatrixXf::Zero(Eigen::Index(fig.classes.size()), Eigen::Index(of.size()));
      for (size_t k = 0; k < of.size(); ++k) {
        e.labels.push_back(from.labelled.classes[of[k]]);
        e.targets(from.labelled.classes[of[k]], Eigen::Index(k)) = 1.0f;
      }
    }
    if (int8_inputs) *int8_inputs = std::move(q);
    return e;
  };
  const Examples training = examples(data, members[0], nullptr);
  const Examples validation = examples(data, members[1], nullptr);
  std::vector<std::vector<int8_t>> test_int8;
  const Examples test = examples(test_data, members[2], &test_int8);
  const TensorShape input_shape = feature_shape(data.windows.config, data.windows.feature_count);
  auto built = build_network(spec.layers, spec.file, input_shape, spec.seed);
  if (!built) return built.error();
  Network& net = built.value();
  const int32_t outputs = net.output_shape().size();
  const int32_t expected = spec.task == TrainTask::kAutoencoder ? input_shape.size() : int32_t(fig.classes.size());
  if (outputs != expected) {
    Error e = YamlFields(spec.layers[spec.layers.size() - 1], spec.file, "model").error(
        "", "model[" + std::to_string(spec.layers.size() - 1) + "]: the network ends with " +
                std::to_string(outputs) + " values; expected " + std::to_string(expected) +
                (spec.task == TrainTask::kAutoencoder ? " (the input's size)" : " (one per class)"));
    return e;
  }
  if (spec.task == TrainTask::kAutoencoder && net.layers().back()->kind() != LayerKind::kDense)
    return YamlFields(spec.layers[spec.layers.size() - 1], spec.file, "model")
        .error("", "an autoencoder ends with a dense layer (its output is the reconstruction)");
  // Float training sees standardised inputs (sensor counts can be thousands, log-mel
  // values sit far from 0), folded into the weights before quantisation as
  // Network::input_fold() allows: per feature, centred by one mean, or scaled only.
  const Eigen::Index features = training.inputs.rows();
  const Network::InputFold fold = net.input_fold();
  Eigen::VectorXf mean = Eigen::VectorXf::Zero(features);
  if (fold == Network::InputFold::kPerFeature) mean = training.inputs.rowwise().mean();
  if (fold == Network::InputFold::kCentred) mean.setConstant(training.inputs.mean());
  const Eigen::MatrixXf centred = training.inputs.colwise() - mean;
  const float rms = std::max(1e-6f, std::sqrt(centred.squaredNorm() / float(centred.size())));
  Eigen::VectorXf scale = Eigen::VectorXf::Constant(features, rms);
  if (fold == Network::InputFold::kPerFeature)
    scale = (centred.cwiseProduct(centred).rowwise().mean()).cwiseSqrt().cwiseMax(1e-3f * rms);
  auto standardised = [&](Examples e) {
    e.inputs = (e.inputs.colwise() - mean).cwiseQuotient(scale.replicate(1, e.inputs.cols()));
    if (spec.task == TrainTask::kAutoencoder) e.targets = e.inputs;
    return e;
  };
  const Examples scaled_training = standardised(training), scaled_validation = standardised(validation);
  fig.parameters = net.parameter_count();
  fig.float_bytes = uint64_t(fig.parameters) * 4;
  log("network: input " + shape_text(input_shape) + ", " + std::to_string(net.layers().size()) + " layers, " +
      std::to_string(fig.parameters) + " parameters, " + std::to_string(net.macs()) + " MACs");

  const auto report = [&](const std::string& phase, int total) {
    return [&, phase, total](const EpochReport& r) {
      std::string line = phase + " epoch " + std::to_string(r.epoch) + "/" + std::to_string(total) + ": loss " +
                         fixed(r.train.loss, 4);
      if (r.train.accuracy >= 0) line += " accuracy " + fixed(r.train.accuracy);
      if (validation.count() > 0) {
        line += ", validation loss " + fixed(r.validation.loss, 4);
        if (r.validation.accuracy >= 0) line += " accuracy " + fixed(r.validation.accuracy);
      }
      log(line);
      fig.epochs.push_back(r);
    };
  };
  train_network(net, scaled_training, scaled_validation, spec.training, report("train", spec.training.epochs));

  if (spec.sparsity > 0) {
    MagnitudePruner pruner(net, spec.sparsity);
    TrainSettings fine = spec.training;
    fine.epochs = spec.prune_epochs;
    fine.adam.learning_rate *= 0.5f;
    TrainHooks hooks;
    hooks.after_step = [&] { pruner.apply(); };
    train_network(net, scaled_training, scaled_validation, fine, report("prune", fine.epochs), hooks);
  }
  net.fold_input_standardization(mean, scale);
  if (spec.task == TrainTask::kAutoencoder) net.fold_output_standardization(mean, scale);
  fig.sparsity = weight_sparsity(net);

  const Eigen::Index calibration = std::min<Eigen::Index>(training.count(), spec.calibration_windows);
  std::vector<ValueRange> ranges = calibrate(net, training.inputs.leftCols(calibration));
  if (spec.qat_epochs > 0) {
    TrainSettings fine = spec.training;
    fine.epochs = spec.qat_epochs;
    ranges = quantization_aware_fine_tune(net, training, validation, fine, ranges, training.inputs.leftCols(calibration),
                                          spec.sparsity, report("qat", fine.epochs));
  }

  ExportSettings settings;
  settings.input = fig.input_quant;
  settings.description = "TinySim trainer: " + spec.name;
  auto bytes = export_int8_tflite(net, ranges, settings);
  if (!bytes) return bytes.error();
  outcome.model = bytes.value();
  auto runner = Int8Runner::create(outcome.model);
  if (!runner) return runner.error();
  fig.model_bytes = outcome.model.size();
  fig.macs = net.macs();
  fig.arena_bytes = runner.value()->arena_bytes();
  fig.input_shape = {1, input_shape.height, input_shape.width, input_shape.channels};

  // Held-out figures: float network vs the runtime on the exported model.
  const Eigen::MatrixXf float_out = net.forward(test.inputs, false);
  const tinyrt::QuantParams out_q = runner.value()->output_quant();
  Eigen::MatrixXf int8_out(float_out.rows(), float_out.cols());
  for (Eigen::Index k = 0; k < test.count(); ++k) {
    const std::vector<int8_t> y = runner.value()->run(test_int8[size_t(k)].data());
    for (Eigen::Index i = 0; i < int8_out.rows(); ++i) int8_out(i, k) = dequantize_value(y[size_t(i)], out_q);
  }
  std::vector<int> float_decision, int8_decision, truth;
  for (size_t k = 0; k < members[2].size(); ++k) truth.push_back(test_data.labelled.classes[members[2][k]]);
  if (spec.task == TrainTask::kClassifier) {
    float_decision = predicted_classes(float_out);
    int8_decision = predicted_classes(int8_out);
  } else {
    // Threshold: the largest reconstruction error among the training (normal) windows.
    const Eigen::MatrixXf train_out = net.forward(training.inputs, false);
    double threshold = 0;
    for (Eigen::Index k = 0; k < training.count(); ++k)
      threshold = std::max(threshold, reconstruction_error(training.inputs.col(k).data(), train_out.col(k).data(),
                                                           training.inputs.rows()));
    fig.anomaly_threshold = threshold;
    for (Eigen::Index k = 0; k < test.count(); ++k) {
      const float* in = test.inputs.col(k).data();
      const Eigen::Index n = test.inputs.rows();
      float_decision.push_back(reconstruction_error(in, float_out.col(k).data(), n) > threshold ? 1 : 0);
      int8_decision.push_back(reconstruction_error(in, int8_out.col(k).data(), n) > threshold ? 1 : 0);
    }
  }
  size_t float_right = 0, int8_right = 0, agree = 0;
  fig.int8_confusion.assign(fig.classes.size(), std::vector<size_t>(fig.classes.size(), 0));
  for (size_t k = 0; k < truth.size(); ++k) {
    ++fig.int8_confusion[size_t(truth[k])][size_t(int8_decision[k])];
    float_right += float_decision[k] == truth[k];
    int8_right += int8_decision[k] == truth[k];
    agree += float_decision[k] == int8_decision[k];
  }
  fig.float_accuracy = double(float_right) / double(truth.size());
  fig.int8_accuracy = double(int8_right) / double(truth.size());
  fig.int8_agreement = double(agree) / double(truth.size());
  log("test split (" + std::to_string(truth.size()) + " windows): float accuracy " + fixed(fig.float_accuracy) +
      ", int8 accuracy " + fixed(fig.int8_accuracy) + " (runtime on the exported model), int8 agrees with float on " +
      fixed(fig.int8_agreement));
  for (size_t c = 0; c < fig.classes.size(); ++c) {
    std::string row;
    for (size_t n : fig.int8_confusion[c]) row += " " + std::to_string(n);
    log((c == 0 ? "int8 decisions by true class (columns in the same order):\n  " : "  ") + fig.classes[c] + ":" + row);
  }
  log("size: float " + std::to_string(fig.float_bytes) + " bytes of parameters, int8 .tflite " +
      std::to_string(fig.model_bytes) + " bytes; sparsity " + fixed(fig.sparsity) + "; " + std::to_string(fig.macs) +
      " MACs; tensor arena " + std::to_string(fig.arena_bytes) + " bytes");
  return outcome;
}

}  // namespace tinysim
