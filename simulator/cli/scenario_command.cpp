// `tinysim --scenario file.yaml [overrides] [--report f] [--junit f] [--trace f] [--quiet]`
// (also `tinysim scenario file.yaml ...`): runs a scenario headless, prints the
// summary, writes the reports; exit 0 all expectations met, 1 one failed, 2 bad
// input or a firmware fault.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>

#include "commands.h"
#include "device/device_catalog.h"
#include "report/scenario_reports.h"
#include "scenario/scenario_parser.h"

namespace tinysim::cli {
namespace {

constexpr const char* kUsage =
    "usage: tinysim --scenario FILE.yaml [--device NAME] [--clock-mhz MHZ] [--duration TIME] [--seed N]\n"
    "                [--battery NAME] [--set KEY=VALUE]... [--report run.json] [--junit results.xml]\n"
    "                [--trace trace.json] [--devices-dir DIR] [--quiet]\n";

struct ScenarioArgs {
  std::string file;
  ScenarioOverrides overrides;
  std::string report, junit, trace, devices_dir;
  bool quiet = false;
};

std::optional<ScenarioArgs> parse(int argc, char** argv, std::ostream& err) {
  ScenarioArgs a;
  for (int i = 2; i < argc; ++i) {
    const std::string word = argv[i];
    const bool has_value = i + 1 < argc;
    auto take = [&](std::optional<std::string>& into) { into = argv[++i]; };
    auto take_text = [&](std::string& into) { into = argv[++i]; };
    static const std::set<std::string> kValueOptions = {"--scenario", "--device", "--clock-mhz", "--duration",
                                                        "--seed",     "--battery", "--set",      "--report",
                                                        "--junit",    "--trace",  "--devices-dir"};
    const bool option = word.rfind("--", 0) == 0;
    if (word == "--quiet") a.quiet = true;
    else if (option && !kValueOptions.count(word)) {
      err << "tinysim: unknown option '" << word << "'\n" << kUsage;
      return std::nullopt;
    } else if (option && !has_value) {
      err << "tinysim: " << word << " expects a value\n" << kUsage;
      return std::nullopt;
    } else if (word == "--scenario") take_text(a.file);
    else if (word == "--device") take(a.overrides.device);
    else if (word == "--clock-mhz") take(a.overrides.clock_mhz);
    else if (word == "--duration") take(a.overrides.duration);
    else if (word == "--seed") take(a.overrides.seed);
    else if (word == "--battery") take(a.overrides.battery);
    else if (word == "--set") a.overrides.sets.push_back(argv[++i]);
    else if (word == "--report") take_text(a.report);
    else if (word == "--junit") take_text(a.junit);
    else if (word == "--trace") take_text(a.trace);
    else if (word == "--devices-dir") take_text(a.devices_dir);
    else if (a.file.empty()) a.file = word;
    else {
      err << "tinysim: unexpected argument '" << word << "'\n" << kUsage;
      return std::nullopt;
    }
  }
  if (a.file.empty()) {
    err << kUsage;
    return std::nullopt;
  }
  return a;
}

bool write_file(const std::string& path, const std::string& text, std::ostream& err) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (out.good()) return true;
  err << "tinysim: " << path << ": cannot write the file\n";
  return false;
}

/// A one-line bar redrawn in place; only on a terminal, so CI logs stay clean.
class ProgressBar {
 public:
  void operator()(double fraction) {
    const int percent = static_cast<int>(fraction * 100);
    if (percent == shown_) return;
    shown_ = percent;
    const int filled = percent * 30 / 100;
    std::fprintf(stdout, "\r  [%s%s] %3d%% of the stream", std::string(static_cast<size_t>(filled), '#').c_str(),
                 std::string(static_cast<size_t>(30 - filled), '.').c_str(), percent);
    std::fflush(stdout);
  }
  void clear() const {
    if (shown_ >= 0) std::fprintf(stdout, "\r%60s\r", "");
  }

 private:
  int shown_ = -1;
};

}  // namespace

int scenario_command(int argc, char** argv) {
  std::ostream& out = std::cout;
  std::ostream& err = std::cerr;
  const std::optional<ScenarioArgs> a = parse(argc, argv, err);
  if (!a) return kExitBadInput;

  auto fail = [&](const Error& e, const std::string& name) {
    err << "tinysim: " << e.describe() << "\n";
    if (!a->junit.empty()) write_file(a->junit, scenario_junit(name, nullptr, &e), err);
    return kExitBadInput;
  };
  auto scenario = load_scenario(a->file, a->overrides);
  if (!scenario) return fail(scenario.error(), a->file);

  ScenarioRunOptions options;
  options.devices_dir = devices_dir(argv[0], a->devices_dir);
  ProgressBar bar;
  if (!a->quiet && isatty(fileno(stdout))) options.progress = [&bar](double f) { bar(f); };
  const auto wall_start = std::chrono::steady_clock::now();
  auto outcome = run_scenario(scenario.value(), options);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  bar.clear();
  if (!outcome) return fail(outcome.error(), scenario->name);

  const ScenarioOutcome& o = outcome.value();
  if (!a->quiet) {
    print_scenario_summary(out, o);
    char line[160];
    std::snprintf(line, sizeof line, "Ran %.1f s of simulated time in %.2f s of wall time (%.0fx real time)\n",
                  o.simulated_seconds, wall, wall > 0 ? o.simulated_seconds / wall : 0.0);
    out << line;
  }
  bool written = true;
  if (!a->report.empty()) written = write_file(a->report, scenario_json(o), err) && written;
  if (!a->junit.empty()) written = write_file(a->junit, scenario_junit(o.scenario.name, &o, nullptr), err) && written;
  if (!a->trace.empty()) written = write_file(a->trace, scenario_trace(o), err) && written;
  if (!written) return kExitBadInput;
  return o.passed() ? 0 : 1;
}

}  // namespace tinysim::cli
