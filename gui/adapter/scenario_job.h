#pragma once
// One scenario file run as the GUI asks for it: load it with the side panel's
// overrides, run it on the emulated chip (the core's run_scenario), and keep the
// sensor stream so the timeline can draw frames and labels. Qt-free.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "adapter/model_run.h"
#include "scenario/overrides.h"
#include "scenario/scenario_run.h"
#include "sensors/sensor_source.h"

namespace tinysim {
class ModelSession;  // not included: its machine's emit() would meet Qt's emit macro
}

namespace tinysim::gui {

/// The override that picks the device's regulator mode, as `--set device.regulator=MODE`.
constexpr const char* kRegulatorSet = "device.regulator=";

struct ScenarioRequest {
  std::string path;
  ScenarioOverrides overrides;
  std::string devices_dir;
};

struct ScenarioRun {
  ScenarioRequest request;
  std::optional<ScenarioOutcome> outcome;
  std::shared_ptr<const SensorSource> source;  ///< the stream the run was fed
  std::string error;                           ///< the core's message, "" on success
  std::string error_message;  ///< the same without its file:line:column (for narrow places)
  double wall_seconds = 0;
  bool partial = false;  ///< the run is still going: results so far
  bool ok() const { return error.empty(); }
};

using ResultObserver = std::function<void(const ScenarioOutcome& head, const ModelSession& session)>;

/// Loads and runs; `progress` gets the fraction of the stream that has arrived,
/// `on_result` is told of each result as it is published (both may be empty).
ScenarioRun run_scenario_file(const ScenarioRequest& request, const std::function<void(double)>& progress,
                              const ResultObserver& on_result = {});

/// A run still going, as the views draw it (from an on_result call): the core's
/// outcome_so_far() (results, console, memory, energy so far); `source` is the stream,
/// made on the first call and kept. On an error from the core: no outcome, the error.
ScenarioRun run_so_far(const ScenarioRequest& request, const ScenarioOutcome& head, const ModelSession& session,
                       std::shared_ptr<const SensorSource>& source);

/// The figures the Memory, Performance, Energy and Console views show, from a scenario
/// run: per-op mean cycles from the firmware's profile, the run's own power timeline.
ModelRun model_run_of(const ScenarioRun& run);

/// Writes the scenario at `from` with `overrides` applied to `to` (YAML). Relative
/// paths in it stay relative, so `to` belongs in the same folder.
Status save_scenario_as(const std::string& from, const ScenarioOverrides& overrides, const std::string& to);

}  // namespace tinysim::gui
