#include "cli/model_train_command.h"

#include <cstdio>
#include <fstream>

#include "report/json_writer.h"
#include "train/train_run.h"

namespace tinysim::cli {
namespace {

constexpr const char* kUsage = "usage: tinysim model train SPEC.yaml -o MODEL.tflite [--quiet] [--json]\n";

std::string figures_json(const TrainSpec& spec, const std::string& output, const TrainFigures& f) {
  JsonWriter j;
  j.begin_object().field("tinysim_report", "model-train").field("version", 1).field("spec", spec.file);
  j.field("model", output).field("name", spec.name).field("seed", spec.seed).key("classes").begin_array();
  for (const auto& c : f.classes) j.value(c);
  j.end_array().key("windows").begin_object().field("train", f.windows.train);
  j.field("validation", f.windows.validation).field("test", f.windows.test).end_object();
  j.field("float_accuracy", f.float_accuracy).field("int8_accuracy", f.int8_accuracy);
  j.field("int8_agreement", f.int8_agreement).key("int8_confusion").begin_array();
  for (const auto& row : f.int8_confusion) {
    j.begin_array();
    for (size_t n : row) j.value(n);
    j.end_array();
  }
  j.end_array();
  if (spec.task == TrainTask::kAutoencoder) j.field("anomaly_threshold", f.anomaly_threshold);
  j.field("sparsity", f.sparsity).field("parameters", f.parameters).field("float_bytes", f.float_bytes);
  j.field("model_bytes", f.model_bytes).field("macs", f.macs).field("arena_bytes", f.arena_bytes);
  j.key("input").begin_object().key("shape").begin_array();
  for (int32_t d : f.input_shape) j.value(d);
  j.end_array().key("scale").value(f.input_quant.scale, 9).field("zero_point", f.input_quant.zero_point).end_object();
  j.key("epochs").begin_array();
  for (const auto& e : f.epochs) {
    j.begin_object().field("epoch", e.epoch).field("loss", e.train.loss).field("accuracy", e.train.accuracy);
    j.field("validation_loss", e.validation.loss).field("validation_accuracy", e.validation.accuracy).end_object();
  }
  j.end_array();
  return j.end_object().str();
}

}  // namespace

int model_train_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string spec_path, output;
  bool quiet = false, json = false;
  for (size_t i = 1; i < args.size(); ++i) {
    if ((args[i] == "-o" || args[i] == "--output") && i + 1 < args.size()) {
      output = args[++i];
    } else if (args[i] == "--quiet") {
      quiet = true;
    } else if (args[i] == "--json") {
      json = true;
    } else if (!args[i].empty() && args[i][0] != '-' && spec_path.empty()) {
      spec_path = args[i];
    } else {
      err << "tinysim model train: unexpected argument '" << args[i] << "'\n" << kUsage;
      return 2;
    }
  }
  if (spec_path.empty() || output.empty()) {
    err << kUsage;
    return 2;
  }
  auto spec = load_train_spec(spec_path);
  if (!spec) {
    err << "tinysim model train: " << spec.error().describe() << "\n";
    return 2;
  }
  auto trained = train_from_spec(spec.value(), [&](const std::string& line) {
    if (!quiet && !json) out << line << "\n" << std::flush;
  });
  if (!trained) {
    err << "tinysim model train: " << trained.error().describe() << "\n";
    return 2;
  }
  std::ofstream file(output, std::ios::binary);
  file.write(reinterpret_cast<const char*>(trained->model.data()), std::streamsize(trained->model.size()));
  if (!file.flush()) {
    err << "tinysim model train: cannot write " << output << "\n";
    return 2;
  }
  if (json) out << figures_json(spec.value(), output, trained->figures);
  else if (!quiet) out << "wrote " << output << "\n";
  return 0;
}

}  // namespace tinysim::cli
