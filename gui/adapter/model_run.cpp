#include "adapter/model_run.h"

#include <chrono>
#include <cstdio>
#include <numeric>

#include "device/device_catalog.h"
#include "energy/device_power.h"

namespace tinysim::gui {
namespace {

/// One inference every 1/rate s with deep sleep in between, priced by the core.
std::optional<PeriodEnergy> period_energy(const ModelRun& run, std::string& note) {
  const BenchResult& bench = *run.bench;
  auto power = device_power(run.device);
  if (!power) {
    note = power.error().describe();
    return std::nullopt;
  }
  auto battery = find_battery(run.request.battery, run.request.devices_dir + "/batteries");
  if (!battery) {
    note = battery.error().describe();
    return std::nullopt;
  }
  PeriodEnergy e;
  e.clock_hz = bench.clock_hz;
  e.period_seconds = 1.0 / run.request.inference_rate_hz;
  const auto inference = static_cast<uint64_t>(bench.mean_cycles());
  e.end_cycle = static_cast<uint64_t>(e.period_seconds * bench.clock_hz);
  if (inference >= e.end_cycle) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "one inference takes %.3f ms, longer than the %.3f ms between inferences",
                  bench.latency_ms(), e.period_seconds * 1e3);
    note = buf;
    return std::nullopt;
  }
  e.duty_cycle = double(inference) / double(e.end_cycle);
  e.timeline = {{0, PowerState::DeepSleep}, {e.end_cycle - inference, PowerState::Run}};
  e.report = measure_energy(power.value(), bench.clock_hz, e.timeline, e.end_cycle, {});
  char rate[96];
  std::snprintf(rate, sizeof rate, "one inference every %.4g s, deep sleep in between", e.period_seconds);
  e.report.assumptions.insert(e.report.assumptions.begin(), rate);
  e.report.assumptions.push_back("no sensor or radio load (start from a scenario to add them)");
  e.battery = battery.value();
  e.life = estimate_battery_life(e.battery, e.report.average_current, e.report.peak_current);
  return e;
}

}  // namespace

double ModelRun::simulated_seconds() const {
  if (!bench || bench->clock_hz == 0) return 0;
  const uint64_t cycles = std::accumulate(bench->inference_cycles.begin(), bench->inference_cycles.end(), uint64_t{0});
  return double(cycles) / bench->clock_hz;
}

std::vector<std::string> regulator_modes(const Device& device) {
  auto power = device_power(device);
  return power ? power.value().regulators : std::vector<std::string>{};
}

ModelRun run_model(const RunRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  ModelRun run;
  run.request = request;
  auto finish = [&](const std::optional<Error>& error) {
    run.error = error ? error->describe() : "";
    run.error_message = error ? error->message : "";
    run.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return run;
  };
  auto device = find_device(request.device, request.devices_dir);
  if (!device) return finish(device.error());
  run.device = device.value();
  if (request.clock_hz) run.device.clock_hz = request.clock_hz;
  if (!request.regulator.empty()) {  // as `tinysim model bench --regulator` does
    auto regulated = with_regulator(run.device, request.regulator);
    if (!regulated) return finish(regulated.error());
    run.device = regulated.value();
  }
  auto bytes = read_file_bytes(request.model_path);
  if (!bytes) return finish(bytes.error());
  auto summary = summarize_model(bytes.value(), request.model_path);
  if (!summary) return finish(summary.error());
  run.summary = summary.value();
  BenchOptions options;
  options.runs = request.runs;
  options.seed = request.seed;
  auto fit = check_model_fit(run.device, run.summary, options.stack_bytes);
  if (!fit) return finish(fit.error());
  run.fit = fit.value();
  auto bench = bench_model(run.device, bytes.value(), run.summary, options);
  if (!bench) return finish(bench.error());
  run.bench = bench.value();
  run.energy = period_energy(run, run.energy_note);
  return finish(std::nullopt);
}

}  // namespace tinysim::gui
