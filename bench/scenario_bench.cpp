// Benchmark: how fast scenarios run headless. For each scenario (default: the shipped
// ones in scenarios/), the best of three runs: simulated time, wall time, their ratio,
// and the emulated instructions per wall second. Sleep is skipped from event to event,
// so the ratio grows with the time the chip sleeps.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "scenario/scenario_parser.h"
#include "scenario/scenario_run.h"

namespace {

std::vector<std::string> shipped_scenarios() {
  std::vector<std::string> files;
  for (const char* name : {"wearable", "keyword_spotting", "vibration_anomaly", "environment"}) {
    const std::string path = std::string(TINYSIM_SOURCE_DIR) + "/scenarios/" + name + ".yaml";
    if (std::filesystem::exists(path)) files.push_back(path);
  }
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files(argv + 1, argv + argc);
  if (files.empty()) files = shipped_scenarios();
  if (files.empty()) {
    std::fprintf(stderr, "no scenarios to run (scenarios/*.yaml missing; pass files as arguments)\n");
    return 2;
  }
  tinysim::ScenarioRunOptions options;
  options.devices_dir = TINYSIM_SOURCE_DIR "/devices";
  // CPU time beside wall time: on a loaded machine the wall time says little.
  std::printf("%-20s %10s %10s %10s %10s %10s %12s %10s\n", "scenario", "simulated", "wall", "sim/wall", "cpu",
              "sim/cpu", "inferences", "emu MIPS");
  for (const std::string& file : files) {
    auto scenario = tinysim::load_scenario(file);
    if (!scenario) {
      std::fprintf(stderr, "%s\n", scenario.error().describe().c_str());
      return 2;
    }
    double best = 1e30, best_cpu = 1e30;
    tinysim::Result<tinysim::ScenarioOutcome> outcome = tinysim::make_error("not run");
    for (int i = 0; i < 3; ++i) {
      const auto start = std::chrono::steady_clock::now();
      const std::clock_t cpu_start = std::clock();
      outcome = tinysim::run_scenario(scenario.value(), options);
      best_cpu = std::min(best_cpu, double(std::clock() - cpu_start) / CLOCKS_PER_SEC);
      best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      if (!outcome) {
        std::fprintf(stderr, "%s\n", outcome.error().describe().c_str());
        return 2;
      }
    }
    const tinysim::ScenarioOutcome& o = outcome.value();
    std::printf("%-20s %9.1fs %9.3fs %9.0fx %9.3fs %9.0fx %12zu %10.1f\n", o.scenario.name.c_str(),
                o.simulated_seconds, best, o.simulated_seconds / best, best_cpu, o.simulated_seconds / best_cpu,
                o.data.results.size(), double(o.run.instructions) / best_cpu / 1e6);
  }
  return 0;
}
