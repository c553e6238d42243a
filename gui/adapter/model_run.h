#pragma once
// One "model + device" run as the GUI asks for it and what the core answers: the
// model's summary, its fit, the bench on the emulated device (per-layer cycles,
// arena, stack, console) and the energy of running it periodically, priced by the
// core's energy model. Qt-free: the worker thread calls run_model().
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "device/device.h"
#include "energy/battery.h"
#include "energy/energy_meter.h"
#include "model/model_summary.h"
#include "runner/model_bench.h"
#include "runner/model_fit.h"

namespace tinysim::gui {

struct RunRequest {
  std::string model_path;
  std::string device;             ///< devices/<name>.yaml
  uint32_t clock_hz = 0;          ///< 0: the device's default clock
  std::string regulator;          ///< the device's regulator mode for energy (power: regulators); "": its default
  std::string battery = "cr2032";
  uint32_t runs = 5;              ///< seeded inferences
  uint32_t seed = 1;
  double inference_rate_hz = 1;   ///< how often the product runs the model (duty cycle, battery)
  std::string devices_dir;        ///< where devices/ and devices/batteries/ are
};

/// One column of a comparison: a device at a clock (0: the device's default clock).
struct CompareTarget {
  std::string device;
  uint32_t clock_hz = 0;
  std::string regulator;  ///< "": the device's default mode
};

/// The energy of one period: sleep, wake up, one inference (a mean bench inference);
/// for a scenario, the whole run.
struct PeriodEnergy {
  double period_seconds = 0;
  double duty_cycle = 0;           ///< inference time / period
  std::vector<PowerChange> timeline;
  uint64_t end_cycle = 0;
  uint32_t clock_hz = 0;
  unsigned periods_shown = 2;      ///< how often the view repeats `timeline` on its time axis
  EnergyReport report;
  Battery battery;
  BatteryLife life;
};

struct ModelRun {
  RunRequest request;
  Device device;
  ModelSummary summary;
  std::optional<ModelFit> fit;        ///< known even when the model does not fit
  std::optional<BenchResult> bench;   ///< absent when the run failed (see error)
  std::optional<PeriodEnergy> energy; ///< absent without power figures (see energy_note)
  std::string energy_note;
  std::string error;                  ///< the core's message, "" on success
  std::string error_message;  ///< the same without its file:line:column (for narrow places)
  double wall_seconds = 0;
  bool from_scenario = false;         ///< a scenario run's figures (no host comparison, no rate)
  bool partial = false;               ///< a scenario still running: its figures so far

  bool ok() const { return error.empty(); }
  /// Simulated device time of the bench's inferences.
  double simulated_seconds() const;
};

/// The regulator modes the device file gives figures for, its default first (the core's
/// PowerProfile::regulators); empty when it names none or has no power figures.
std::vector<std::string> regulator_modes(const Device& device);

/// Everything up to (and including) a failed step is filled in; `error` says why it stopped.
ModelRun run_model(const RunRequest& request);

}  // namespace tinysim::gui
