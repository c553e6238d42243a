#include "adapter/scenario_job.h"

#include <chrono>
#include <fstream>
#include <yaml-cpp/yaml.h>

#include "core/yaml_fields.h"
#include "scenario/scenario_parser.h"

namespace tinysim::gui {
namespace {

/// The stream exactly as run_scenario builds it (the core's scenario_source), or null.
std::shared_ptr<const SensorSource> stream_of(const Scenario& s) {
  auto source = scenario_source(s);
  return source ? source.value() : nullptr;
}

}  // namespace

ScenarioRun run_scenario_file(const ScenarioRequest& request, const std::function<void(double)>& progress,
                              const ResultObserver& on_result) {
  // (an empty `progress` runs without progress reports)
  const auto start = std::chrono::steady_clock::now();
  ScenarioRun run;
  run.request = request;
  auto finish = [&](const std::optional<Error>& error) {
    run.error = error ? error->describe() : "";
    run.error_message = error ? error->message : "";
    run.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return run;
  };
  auto scenario = load_scenario(request.path, request.overrides);
  if (!scenario) return finish(scenario.error());
  ScenarioRunOptions options;
  options.devices_dir = request.devices_dir;
  options.progress = progress;
  options.on_result = on_result;
  auto outcome = run_scenario(scenario.value(), options);
  if (!outcome) return finish(outcome.error());
  run.outcome = std::move(outcome.value());
  run.source = stream_of(run.outcome->scenario);
  return finish(std::nullopt);
}

ScenarioRun run_so_far(const ScenarioRequest& request, const ScenarioOutcome& head, const ModelSession& session,
                       std::shared_ptr<const SensorSource>& source) {
  ScenarioRun run;
  run.request = request;
  run.partial = true;
  auto outcome = outcome_so_far(head, session, request.devices_dir);
  if (!outcome) {
    run.error = outcome.error().describe();
    run.error_message = outcome.error().message;
    return run;
  }
  run.outcome = std::move(outcome.value());
  if (!source) source = stream_of(head.scenario);
  run.source = source;
  return run;
}

ModelRun model_run_of(const ScenarioRun& run) {
  ModelRun m;
  m.from_scenario = true;
  m.wall_seconds = run.wall_seconds;
  m.partial = run.partial;
  m.error = run.error;
  m.error_message = run.error_message;
  m.request.device = run.request.overrides.device.value_or("");
  if (!run.outcome) return m;
  const ScenarioOutcome& o = *run.outcome;
  m.request.model_path = o.scenario.model;
  m.request.device = o.device.name;
  m.request.battery = o.scenario.battery;
  m.device = o.device;
  m.summary = o.model;
  m.fit = o.fit;

  BenchResult b;
  b.model = o.model.file;
  b.device = o.device.name;
  b.core = core_name(o.device.core);
  b.clock_hz = o.device.clock_hz;
  b.runs = static_cast<uint32_t>(o.data.inferences.size());
  b.seed = static_cast<uint32_t>(o.scenario.seed);
  if (o.fit) b.fit = *o.fit;
  for (const InferenceTiming& t : o.data.inferences) b.inference_cycles.push_back(t.cycles());
  for (const LayerSummary& layer : o.model.layers) {
    LayerTiming t{layer.index, layer.op, layer.macs, 0};
    for (const OpSummary& op : o.data.per_op)
      if (op.index == layer.index && op.runs) t.cycles = op.total_cycles / op.runs;
    b.layers.push_back(t);
  }
  b.total_macs = o.model.total_macs;
  b.arena_bytes = o.data.arena ? static_cast<uint32_t>(o.data.arena->total()) : 0;
  b.stack_high_water = o.run.stack_high_water;
  b.instructions = o.run.instructions;
  b.energy_per_inference = o.energy_per_inference;
  b.regulator = o.energy.regulator;
  if (o.energy.supply_voltage > 0) b.run_current = o.energy.states[static_cast<size_t>(PowerState::Run)].current;
  b.assumptions = o.assumptions;
  b.console = o.data.console_text;
  m.bench = b;

  if (o.energy.supply_voltage > 0 && o.battery && o.battery_life) {
    PeriodEnergy e;
    e.period_seconds = o.simulated_seconds;
    e.duty_cycle = o.run.cycles ? double(o.run.run_cycles) / double(o.run.cycles) : 0;
    e.timeline = o.run.power;
    e.end_cycle = o.run.cycles;
    e.clock_hz = o.device.clock_hz;
    e.periods_shown = 1;
    e.report = o.energy;
    e.battery = *o.battery;
    e.life = *o.battery_life;
    m.energy = e;
  } else {
    m.energy_note = o.energy.supply_voltage > 0 ? "the scenario names no battery (battery:)"
                                                : "the device has no power figures";
  }
  return m;
}

Status save_scenario_as(const std::string& from, const ScenarioOverrides& overrides, const std::string& to) {
  auto loaded = load_yaml_file(from, "the scenario file");
  if (!loaded) return loaded.error();
  YAML::Node root = loaded.value();
  auto entries = override_entries(overrides);
  if (!entries) return entries.error();
  if (Status st = apply_overrides(root, entries.value(), from)) return st;
  std::ofstream out(to, std::ios::binary);
  if (!out) return make_error("cannot write the file", to);
  out << root << "\n";
  if (!out) return make_error("cannot write the file", to);
  return std::nullopt;
}

}  // namespace tinysim::gui
