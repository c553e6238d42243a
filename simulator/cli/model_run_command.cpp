#include "cli/model_run_command.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

#include "device/device_catalog.h"
#include "energy/device_power.h"
#include "io/element_type.h"
#include "io/tensor_file.h"
#include "model/model_summary.h"
#include "report/validate_report.h"
#include "runner/model_run.h"
#include "runner/model_validation.h"

namespace tinysim::cli {
namespace {

constexpr const char* kUsage =
    "usage: tinysim model run MODEL.tflite (--device NAME [--regulator MODE] | --host) --input [NAME=]FILE...\n"
    "                         [--output [NAME=]FILE...] [--dequantize]\n"
    "       tinysim model validate MODEL.tflite (--device NAME [--regulator MODE] | --host) --inputs [NAME=]FILE_OR_DIR...\n"
    "                         --expected [NAME=]FILE_OR_DIR... [--tolerance LSB] [--report FILE.json]\n"
    "Files: .npy (int8, uint8, int16, int32, float32; float32 is quantised with the tensor's scale and\n"
    "zero point), .bin (the tensor's raw bytes) or .csv (one inference per row). --dequantize writes\n"
    "float32 real values. Exit code: 0 ok, 1 outputs beyond --tolerance (default 0: bit-exact), 2 bad input.\n";

struct RunArgs {
  std::string verb;
  std::string model;
  std::string device;
  std::string regulator;  ///< the device's regulator mode for energy (empty: its default)
  bool host = false;
  bool dequantize = false;
  double tolerance = 0;
  std::string report;
  std::vector<std::string> inputs;    ///< [NAME=]PATH
  std::vector<std::string> outputs;   ///< run: files to write; validate: expected values
};

std::optional<RunArgs> parse(const std::vector<std::string>& args, std::ostream& err) {
  RunArgs a;
  auto fail = [&](const std::string& message) {
    err << "tinysim model " << a.verb << ": " << message << "\n" << kUsage;
    return std::nullopt;
  };
  a.verb = args.empty() ? "" : args[0];
  const bool run = a.verb == "run";
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& s = args[i];
    auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
    if (s == (run ? "--input" : "--inputs") || s == (run ? "--output" : "--expected")) {
      std::vector<std::string>& list = s == "--input" || s == "--inputs" ? a.inputs : a.outputs;
      while (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) list.push_back(args[++i]);
      if (list.empty()) return fail(s + " expects one or more files");
    } else if (s == "--device") {
      const std::string* v = value();
      if (!v) return fail("--device expects a device name");
      a.device = *v;
    } else if (s == "--regulator") {
      const std::string* v = value();
      if (!v) return fail("--regulator expects a mode of the device's power: section (e.g. ldo)");
      a.regulator = *v;
    } else if (s == "--host") {
      a.host = true;
    } else if (run && s == "--dequantize") {
      a.dequantize = true;
    } else if (!run && s == "--tolerance") {
      const std::string* v = value();
      char* end = nullptr;
      if (v) a.tolerance = std::strtod(v->c_str(), &end);
      if (!v || v->empty() || *end != '\0' || !(a.tolerance >= 0)) return fail("--tolerance expects a number >= 0 (LSB)");
    } else if (!run && s == "--report") {
      const std::string* v = value();
      if (!v) return fail("--report expects a file name");
      a.report = *v;
    } else if (!s.empty() && s[0] == '-') {
      return fail("unknown option '" + s + "'");
    } else if (a.model.empty()) {
      a.model = s;
    } else {
      return fail("unexpected argument '" + s + "'");
    }
  }
  if (a.model.empty()) return fail("no model file given");
  if (a.host == !a.device.empty()) return fail("give either --device NAME or --host");
  if (a.inputs.empty()) return fail(run ? "--input expects one or more files" : "--inputs expects one or more files");
  if (!run && a.outputs.empty()) return fail("--expected expects one or more files");
  return a;
}

std::string tensor_names(const std::vector<TensorSummary>& tensors) {
  std::string names;
  for (const TensorSummary& t : tensors) names += (names.empty() ? "'" : ", '") + t.name + "'";
  return names;
}

/// Which tensor a `[NAME=]PATH` argument is for, and its path. A path alone is for the
/// only tensor; a model with several needs the name.
Result<std::pair<size_t, std::string>> assign(const std::string& spec, const std::vector<TensorSummary>& tensors,
                                              const std::string& role, const std::string& option) {
  const size_t eq = spec.find('=');
  if (eq != std::string::npos) {
    const std::string name = spec.substr(0, eq);
    for (size_t i = 0; i < tensors.size(); ++i)
      if (tensors[i].name == name) return std::make_pair(i, spec.substr(eq + 1));
    std::error_code ec;
    if (tensors.size() > 1 || !std::filesystem::exists(spec, ec))
      return make_error("the model has no " + role + " named '" + name + "': its " + role + "s are " +
                        tensor_names(tensors));
  }
  if (tensors.size() == 1) return std::make_pair(size_t{0}, spec);
  return make_error("the model has " + std::to_string(tensors.size()) + " " + role + "s (" + tensor_names(tensors) +
                    "): name the one each file is for, " + option + " NAME=" + spec);
}

/// Reads the files given for each tensor; every tensor must get the same number of
/// values. Returns one TensorSet per inference.
Result<std::vector<TensorSet>> read_sets(const std::vector<std::string>& specs,
                                         const std::vector<TensorSummary>& tensors, const std::string& role,
                                         const std::string& option) {
  std::vector<std::vector<TensorBytes>> per_tensor(tensors.size());
  for (const std::string& spec : specs) {
    auto where = assign(spec, tensors, role, option);
    if (!where) return where.error();
    auto values = read_tensor_path(where->second, role, tensors[where->first]);
    if (!values) return values.error();
    auto& list = per_tensor[where->first];
    list.insert(list.end(), values->begin(), values->end());
  }
  for (size_t i = 0; i < tensors.size(); ++i)
    if (per_tensor[i].size() != per_tensor[0].size())
      return make_error(describe_tensor(role, tensors[i]) + " has " + std::to_string(per_tensor[i].size()) +
                        " values, " + describe_tensor(role, tensors[0]) + " has " +
                        std::to_string(per_tensor[0].size()) + ": each inference needs one of each");
  std::vector<TensorSet> sets(per_tensor[0].size());
  for (size_t n = 0; n < sets.size(); ++n)
    for (auto& values : per_tensor) sets[n].push_back(std::move(values[n]));
  return sets;
}

std::string format(const char* fmt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

void print_target(std::ostream& out, const std::string& model, const InferenceRun& r, size_t inferences) {
  out << model << " on " << r.target;
  if (!r.core.empty()) out << " (" << r.core << ", " << format("%.0f", r.clock_hz / 1e6) << " MHz)";
  else out << " (host build of the runtime: no cycle figures)";
  out << ", " << inferences << (inferences == 1 ? " inference\n" : " inferences\n");
}

void print_figures(std::ostream& out, const InferenceRun& r) {
  for (size_t n = 0; n < r.figures.size(); ++n) {
    const InferenceFigures& f = r.figures[n];
    out << "  inference " << n << ": " << f.cycles << " cycles, " << format("%.3f", f.latency_s * 1e3) << " ms";
    if (f.energy_j > 0) out << ", " << format("%.3f", f.energy_j * 1e6) << " uJ";
    out << "\n";
  }
}

/// The first values of each output, for a quick look when no file is written.
void print_outputs(std::ostream& out, const ModelSummary& s, const InferenceRun& r) {
  constexpr size_t kShown = 16;
  for (size_t n = 0; n < r.outputs.size(); ++n)
    for (size_t o = 0; o < s.outputs.size(); ++o) {
      const ElementType type = element_type_named(s.outputs[o].type).value_or(ElementType::kInt8);
      const std::vector<double> v = decode_elements(r.outputs[n][o], type);
      out << "  inference " << n << " output '" << s.outputs[o].name << "': [";
      for (size_t i = 0; i < std::min(v.size(), kShown); ++i) out << (i ? ", " : "") << value_text(v[i], type);
      out << (v.size() > kShown ? ", ... (" + std::to_string(v.size()) + " values)]\n" : "]\n");
    }
}

int run(const RunArgs& a, const std::vector<uint8_t>& model, const ModelSummary& s, const Device* device,
        std::ostream& out, std::ostream& err) {
  auto inputs = read_sets(a.inputs, s.inputs, "input", "--input");
  if (!inputs) return err << "tinysim model run: " << inputs.error().describe() << "\n", 2;
  // Where each output goes, checked before the (possibly long) run.
  std::vector<std::vector<std::string>> files(s.outputs.size());
  for (const std::string& spec : a.outputs) {
    auto where = assign(spec, s.outputs, "output", "--output");
    if (!where) return err << "tinysim model run: " << where.error().describe() << "\n", 2;
    files[where->first].push_back(where->second);
  }
  for (size_t o = 0; o < files.size(); ++o)
    if (files[o].size() > 1 && files[o].size() != inputs->size())
      return err << "tinysim model run: " << files[o].size() << " files for " << describe_tensor("output", s.outputs[o])
                 << ": give one file, or one per inference (" << inputs->size() << ")\n",
             2;
  auto result = run_model(model, s, inputs.value(), device);
  if (!result) return err << "tinysim model run: " << result.error().describe() << "\n", 2;
  const InferenceRun& r = result.value();
  print_target(out, a.model, r, inputs->size());
  print_figures(out, r);
  if (a.outputs.empty()) print_outputs(out, s, r);
  for (size_t o = 0; o < files.size(); ++o)
    for (size_t f = 0; f < files[o].size(); ++f) {
      std::vector<TensorBytes> values;
      for (size_t n = 0; n < r.outputs.size(); ++n)
        if (files[o].size() == 1 || n == f) values.push_back(r.outputs[n][o]);
      if (Status st = write_tensor_file(files[o][f], s.outputs[o], values, a.dequantize))
        return err << "tinysim model run: " << st->describe() << "\n", 2;
      out << "  wrote " << describe_tensor("output", s.outputs[o]) << " x" << values.size()
          << (a.dequantize ? " as float32 real values" : "") << " to " << files[o][f] << "\n";
    }
  return 0;
}

int validate(const RunArgs& a, const std::vector<uint8_t>& model, const ModelSummary& s, const Device* device,
             std::ostream& out, std::ostream& err) {
  auto inputs = read_sets(a.inputs, s.inputs, "input", "--inputs");
  if (!inputs) return err << "tinysim model validate: " << inputs.error().describe() << "\n", 2;
  auto expected = read_sets(a.outputs, s.outputs, "output", "--expected");
  if (!expected) return err << "tinysim model validate: " << expected.error().describe() << "\n", 2;
  if (expected->size() != inputs->size())
    return err << "tinysim model validate: " << inputs->size() << " inputs but " << expected->size()
               << " expected outputs: give one expected output per input\n",
           2;
  auto result = run_model(model, s, inputs.value(), device);
  if (!result) return err << "tinysim model validate: " << result.error().describe() << "\n", 2;
  const Validation v = validate_outputs(s, std::move(result.value()), expected.value(), a.tolerance);
  print_target(out, a.model, v.run, inputs->size());
  for (const OutputComparison& c : v.outputs) {
    out << "  output '" << c.name << "': exact " << format("%.2f", 100 * c.exact_rate()) << "% (" << c.exact << "/"
        << c.values << "), max |error| " << format("%g", c.max_abs_error) << " LSB, mean |error| "
        << format("%.4g", c.mean_abs_error()) << " LSB";
    if (c.scale > 0) out << " (" << format("%.4g", c.mean_abs_error() * c.scale) << " real)";
    if (c.classifier)
      out << ", top-1 agreement " << format("%.2f", 100 * c.top1_rate()) << "% (" << c.top1_agree << "/"
          << c.inferences << ")";
    out << "\n";
    if (!c.first_mismatch.empty()) out << "    first mismatch: " << c.first_mismatch << "\n";
  }
  print_figures(out, v.run);
  const bool passed = v.passed();
  out << (passed ? "PASS" : "FAIL") << ": max |error| " << (passed ? "within" : "beyond") << " the tolerance of "
      << format("%g", a.tolerance) << " LSB" << (a.tolerance == 0 ? " (bit-exact)\n" : "\n");
  if (!a.report.empty()) {
    std::ofstream file(a.report, std::ios::binary);
    file << validate_report_json(v);
    if (!file) return err << "tinysim model validate: " << a.report << ": cannot write the file\n", 2;
  }
  return passed ? 0 : 1;
}

}  // namespace

int model_run_command(const std::vector<std::string>& args, const std::string& executable, std::ostream& out,
                      std::ostream& err) {
  if (std::find(args.begin(), args.end(), "--help") != args.end()) return out << kUsage, 0;
  const std::optional<RunArgs> a = parse(args, err);
  if (!a) return 2;
  const std::string prefix = "tinysim model " + a->verb + ": ";
  auto bytes = read_file_bytes(a->model);
  if (!bytes) return err << prefix << bytes.error().describe() << "\n", 2;
  auto summary = summarize_model(bytes.value(), a->model);
  if (!summary) return err << prefix << summary.error().describe() << "\n", 2;
  std::optional<Device> device;
  if (!a->host) {
    auto d = find_device(a->device, devices_dir(executable));
    if (d && !a->regulator.empty()) d = with_regulator(d.value(), a->regulator);
    if (!d) return err << prefix << d.error().describe() << "\n", 2;
    device = d.value();
  }
  const Device* target = device ? &*device : nullptr;
  return a->verb == "run" ? run(*a, bytes.value(), summary.value(), target, out, err)
                          : validate(*a, bytes.value(), summary.value(), target, out, err);
}

}  // namespace tinysim::cli
