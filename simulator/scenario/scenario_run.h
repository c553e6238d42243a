#pragma once
// Runs a scenario: checks the model and firmware fit the chip, streams the sensor into
// the emulated chip in simulated time with TinySim's runtime firmware (ModelSession in
// scenario mode), then collects every result, the profile, memory, power timeline and
// energy, scores the results against the labels and checks the expectations.
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "device/device.h"
#include "energy/battery.h"
#include "energy/energy_meter.h"
#include "features/feature_pipeline.h"
#include "machine/run_result.h"
#include "model/model_summary.h"
#include "peripherals/run_data.h"
#include "runner/model_fit.h"
#include "scenario/expectations.h"
#include "scenario/scenario.h"
#include "scenario/scoring.h"

namespace tinysim {

/// CONFIG DECISION_WINDOWS, _THRESHOLD (Q16.16), _SUPPRESS (windows: the suppress time
/// rounded up to whole strides) and _KEYWORDS (a bit per event class) for `d`.
using DecisionWords = std::array<uint32_t, 4>;
DecisionWords decision_words(const Decision& d, uint32_t stride_frames, const std::vector<std::string>& classes,
                             const std::vector<std::string>& events);

class ModelSession;
struct ScenarioOutcome;

struct ScenarioRunOptions {
  std::string devices_dir;  ///< devices/*.yaml; batteries in its batteries/ folder
  /// Called now and then with the fraction of the stream that has arrived (0..1).
  std::function<void(double)> progress;
  /// Called in the run's thread right after each result is published: `head` holds the
  /// scenario, device, model and classes, `session` the chip (its block and machine) so far.
  /// outcome_so_far() turns the two into a partial outcome (live views). Empty: no cost.
  std::function<void(const ScenarioOutcome& head, const ModelSession& session)> on_result;
};

/// Per-inference timing in seconds: from the window's last frame arriving to the
/// result being published (wake-up, DMA, features, inference, publishing).
struct LatencyFigures {
  std::optional<double> p50, p99, max;
  double mean_feature_cycles = 0;    ///< 0 when the firmware marks no feature extraction
  double mean_inference_cycles = 0;  ///< 0 when the firmware marks no inference
  size_t feature_runs = 0, inference_runs = 0;  ///< marked spans (PROFILE FEATURES_*, INFER_*)

  /// The firmware marked what it computes, so energy per inference means something.
  bool profiled() const { return feature_runs + inference_runs > 0; }
};

struct ScenarioOutcome {
  Scenario scenario;
  Device device;                 ///< with the scenario's clock
  ModelSummary model;           ///< empty (no file) when the scenario has no model
  std::optional<ModelFit> fit;   ///< nullopt with a user firmware
  std::vector<std::string> classes;
  RunResult run;
  TinySimRunData data;
  double simulated_seconds = 0;
  Scores scores;
  LatencyFigures latency;
  uint64_t transmissions = 0;    ///< radio packets sent on events
  EnergyReport energy;
  double energy_per_inference = 0;  ///< J: features + inference at run current
  std::optional<Battery> battery;
  std::optional<BatteryLife> battery_life;
  MeasuredFigures measured;
  std::vector<ExpectationResult> expectations;
  std::vector<std::string> assumptions;  ///< cost model: clock, core, currents and their sources

  bool passed() const;
};

/// Errors: bad input (unknown device or battery, model or firmware missing, the model
/// does not fit, features that do not match the model's input) and firmware faults or
/// errors the firmware reported. A run whose expectations fail is not an error.
Result<ScenarioOutcome> run_scenario(const Scenario& scenario, const ScenarioRunOptions& options);

/// The stream the chip's sensor FIFO takes, exactly as run_scenario builds it (the same
/// frames and labels): each sensor's source (its `take:` channels), several sensors
/// merged frame by frame, labels from the `labels:` sensor. Errors: a source's, or
/// channels and rate that differ from its sensor's.
Result<std::shared_ptr<const SensorSource>> scenario_source(const Scenario& s);

/// The runtime's feature settings for the scenario (what the firmware reads from CONFIG).
tinyrt::FeatureConfig runtime_features(const Scenario& s);

/// The outcome of a run still going (from ScenarioRunOptions::on_result): the results,
/// profile, console and sensor figures so far, scored against the labels so far, latency,
/// the machine's figures (cycles, power timeline, stack high-water mark), the energy so
/// far and the battery life it would give (batteries from `devices_dir`/batteries, as
/// ScenarioRunOptions::devices_dir); no expectations yet.
/// Errors: as run_scenario's at the end (a radio on a chip without radio figures, an
/// unknown battery).
Result<ScenarioOutcome> outcome_so_far(const ScenarioOutcome& head, const ModelSession& session,
                                       const std::string& devices_dir);

}  // namespace tinysim
