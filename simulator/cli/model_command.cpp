#include "cli/model_command.h"
#include "cli/model_run_command.h"
#include "cli/model_train_command.h"

#include "commands.h"

#include <cstdio>
#include <iostream>
#include <optional>

#include "device/device_catalog.h"
#include "energy/device_power.h"
#include "model/model_summary.h"
#include "report/bench_report.h"
#include "report/fit_report.h"
#include "report/json_writer.h"
#include "runner/model_bench.h"
#include "runner/model_fit.h"

namespace tinysim::cli {
namespace {

constexpr const char* kUsage =
    "usage: tinysim model inspect MODEL.tflite [--device NAME] [--json]\n"
    "       tinysim model bench MODEL.tflite --device NAME [--regulator MODE] [--runs N] [--seed S] [--json]\n"
    "       tinysim model run|validate ... (tinysim model run --help)\n"
    "       tinysim model train SPEC.yaml -o MODEL.tflite [--quiet] [--json]\n";

struct ModelArgs {
  std::string verb;
  std::string model;
  std::string device;
  std::string regulator;  ///< the device's regulator mode for energy (empty: its default)
  uint32_t runs = 5;
  uint32_t seed = 1;
  bool json = false;
};

std::optional<ModelArgs> parse(const std::vector<std::string>& args, std::ostream& err) {
  ModelArgs a;
  auto number = [&](size_t& i, uint32_t& into) {
    if (i + 1 >= args.size()) return false;
    try {
      const unsigned long v = std::stoul(args[++i]);
      into = static_cast<uint32_t>(v);
      return v > 0 || args[i - 1] == "--seed";
    } catch (...) {
      return false;
    }
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& s = args[i];
    if (s == "--json") {
      a.json = true;
    } else if (s == "--device" && i + 1 < args.size()) {
      a.device = args[++i];
    } else if (s == "--regulator" && i + 1 < args.size()) {
      a.regulator = args[++i];
    } else if (s == "--runs" || s == "--seed") {
      if (!number(i, s == "--runs" ? a.runs : a.seed)) {
        err << "tinysim model: " << s << " expects a positive whole number\n" << kUsage;
        return std::nullopt;
      }
    } else if (!s.empty() && s[0] == '-') {
      err << "tinysim model: unknown option '" << s << "'\n" << kUsage;
      return std::nullopt;
    } else if (a.verb.empty()) {
      a.verb = s;
    } else if (a.model.empty()) {
      a.model = s;
    } else {
      err << "tinysim model: unexpected argument '" << s << "'\n" << kUsage;
      return std::nullopt;
    }
  }
  if (!a.verb.empty() && a.verb != "inspect" && a.verb != "bench") {
    err << "tinysim model: unknown subcommand '" << a.verb << "' (inspect, bench, run, validate, train)\n" << kUsage;
    return std::nullopt;
  }
  if (a.model.empty() || (a.verb == "bench" && a.device.empty())) {
    err << kUsage;
    return std::nullopt;
  }
  return a;
}

std::string shape_text(const std::vector<int32_t>& shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i) s += (i ? "x" : "") + std::to_string(shape[i]);
  return s + "]";
}

std::string format(const char* fmt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

void write_tensor(JsonWriter& j, const TensorSummary& t) {
  j.begin_object().field("index", t.index).field("name", t.name).field("type", t.type).key("shape").begin_array();
  for (int32_t d : t.shape) j.value(d);
  j.end_array().field("bytes", t.bytes).key("scale").value(t.scale, 9).field("zero_point", t.zero_point);
  j.field("per_channel_scales", t.channels > 1 ? t.channels : 0u).end_object();
}

int inspect(const ModelArgs& a, const ModelSummary& s, const std::optional<Device>& device, std::ostream& out,
            std::ostream& err) {
  std::optional<ModelFit> fit;
  if (device) {
    auto f = check_model_fit(*device, s);
    if (!f) {
      err << "tinysim model: " << f.error().describe() << "\n";
      return 2;
    }
    fit = f.value();
  }
  if (a.json) {
    JsonWriter j;
    j.begin_object().field("tinysim_report", "model-inspect").field("version", 1).field("model", s.file);
    j.field("file_bytes", s.file_bytes).field("total_macs", s.total_macs).field("parameter_bytes", s.total_param_bytes);
    j.key("inputs").begin_array();
    for (const auto& t : s.inputs) write_tensor(j, t);
    j.end_array().key("outputs").begin_array();
    for (const auto& t : s.outputs) write_tensor(j, t);
    j.end_array().key("layers").begin_array();
    for (const auto& l : s.layers) {
      j.begin_object().field("index", l.index).field("op", l.op).field("macs", l.macs).field("parameter_bytes", l.param_bytes);
      j.key("output");
      write_tensor(j, l.output);
      j.end_object();
    }
    j.end_array().key("arena").begin_object().field("planner", s.arena.planner);
    j.field("persistent", s.arena.persistent_bytes).field("activations", s.arena.activation_bytes);
    j.field("scratch", s.arena.scratch_bytes).field("needed", s.arena.needed_bytes).key("tensors").begin_array();
    for (const auto& t : s.arena.tensors)
      j.begin_object().field("tensor", t.tensor).field("name", t.name).field("offset", t.offset).field("bytes", t.bytes)
          .field("first_op", t.first_op).field("last_op", t.last_op).end_object();
    j.end_array().end_object();
    if (fit) write_fit_json(j, *fit);
    out << j.end_object().str();
  } else {
    out << s.file << ": " << s.layers.size() << " ops, " << format_size(s.file_bytes) << ", "
        << format_size(s.total_param_bytes) << " of parameters, " << s.total_macs << " MACs\n";
    for (const auto& t : s.inputs)
      out << "  input  " << t.name << " " << t.type << " " << shape_text(t.shape) << " scale " << t.scale << " zp "
          << t.zero_point << "\n";
    for (const auto& t : s.outputs)
      out << "  output " << t.name << " " << t.type << " " << shape_text(t.shape) << " scale " << t.scale << " zp "
          << t.zero_point << "\n";
    out << "\n  #  op                   output shape        params        MACs\n";
    for (const auto& l : s.layers) {
      char line[160];
      std::snprintf(line, sizeof line, "%3u  %-20s %-18s %8llu %12llu\n", l.index, l.op.c_str(),
                    shape_text(l.output.shape).c_str(), static_cast<unsigned long long>(l.param_bytes),
                    static_cast<unsigned long long>(l.macs));
      out << line;
    }
    out << "\nTensor arena (" << s.arena.planner << " planner): " << format_size(s.arena.needed_bytes)
        << " needed = persistent " << format_size(s.arena.persistent_bytes) << " + activations "
        << format_size(s.arena.activation_bytes) << " + scratch " << format_size(s.arena.scratch_bytes) << "\n";
    if (fit) print_fit(out, *fit);
  }
  return fit && !fit->fits() ? 1 : 0;
}

int bench(const ModelArgs& a, const std::vector<uint8_t>& bytes, const ModelSummary& s, const Device& device,
          std::ostream& out, std::ostream& err) {
  BenchOptions options;
  options.runs = a.runs;
  options.seed = a.seed;
  auto result = bench_model(device, bytes, s, options);
  if (!result) {
    err << "tinysim model bench: " << result.error().describe() << "\n";
    return 2;
  }
  const BenchResult& r = result.value();
  if (a.json) {
    out << bench_report_json(r);
  } else {
    out << r.model << " on " << r.device << " (" << r.core << ", " << format("%.0f", r.clock_hz / 1e6)
        << " MHz), " << r.runs << (r.runs == 1 ? " seeded inference" : " seeded inferences") << " (seed " << r.seed
        << ")\n";
    out << "  latency " << format("%.3f", r.latency_ms()) << " ms, " << format("%.0f", r.mean_cycles())
        << " cycles (min " << r.min_cycles() << ", max " << r.max_cycles() << "), "
        << format("%.2f", r.cycles_per_mac()) << " cycles/MAC over " << r.total_macs << " MACs\n";
    out << "  outputs " << (r.mismatches ? "DIFFER from" : "bit-identical to") << " the host build";
    if (r.mismatches) out << " (" << r.mismatches << " runs; first: " << r.first_mismatch << ")";
    out << "\n";
    if (r.energy_per_inference > 0)
      out << "  energy " << format("%.1f", r.energy_per_inference * 1e6) << " uJ per inference at "
          << format("%.2f", r.run_current * 1e3) << " mA run current"
          << (r.regulator.empty() ? "" : " (" + r.regulator + " regulator)") << "\n";
    // The peak the runtime measured in the arena, against the arena the fit check reserves (below).
    out << "  peak arena use " << format_size(r.arena_bytes) << " (the firmware reserves "
        << format_size(r.fit.ram_arena) << "), stack high-water " << format_size(r.stack_high_water)
        << "\n\n  #  op                         cycles        MACs  cyc/MAC     ms\n";
    for (const auto& l : r.layers) {
      char line[160];
      std::snprintf(line, sizeof line, "%3u  %-20s %14llu %11llu %8s %7.3f\n", l.index, l.op.c_str(),
                    static_cast<unsigned long long>(l.cycles), static_cast<unsigned long long>(l.macs),
                    l.macs ? format("%.2f", double(l.cycles) / double(l.macs)).c_str() : "-",
                    1e3 * double(l.cycles) / r.clock_hz);
      out << line;
    }
    out << "\n";
    print_fit(out, r.fit);
    out << "\nModel assumptions:\n";
    for (const auto& line : r.assumptions) out << "  - " << line << "\n";
  }
  return r.mismatches ? 1 : 0;
}

}  // namespace

int model_command(const std::vector<std::string>& args, const std::string& executable, std::ostream& out,
                  std::ostream& err) {
  if (!args.empty() && (args[0] == "run" || args[0] == "validate")) return model_run_command(args, executable, out, err);
  if (!args.empty() && args[0] == "train") return model_train_command(args, out, err);
  const std::optional<ModelArgs> a = parse(args, err);
  if (!a) return 2;
  auto bytes = read_file_bytes(a->model);
  if (!bytes) {
    err << "tinysim model: " << bytes.error().describe() << "\n";
    return 2;
  }
  auto summary = summarize_model(bytes.value(), a->model);
  if (!summary) {
    err << "tinysim model: " << summary.error().describe() << "\n";
    return 2;
  }
  std::optional<Device> device;
  if (!a->device.empty()) {
    auto d = find_device(a->device, devices_dir(executable));
    if (d && !a->regulator.empty()) d = with_regulator(d.value(), a->regulator);
    if (!d) {
      err << "tinysim model: " << d.error().describe() << "\n";
      return 2;
    }
    device = d.value();
  }
  return a->verb == "inspect" ? inspect(*a, summary.value(), device, out, err)
                              : bench(*a, bytes.value(), summary.value(), *device, out, err);
}

int model_main(int argc, char** argv) {
  return model_command(std::vector<std::string>(argv + 2, argv + argc), argv[0], std::cout, std::cerr);
}

}  // namespace tinysim::cli
