#pragma once
// `tinysim model bench`: N seeded inferences of a model on an emulated device with
// TinySim's firmware, each output checked bit-identical to the host build of the
// same runtime; latency, cycles and cycles/MAC per layer, arena, stack, memory.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "device/device.h"
#include "model/model_summary.h"
#include "runner/model_fit.h"

namespace tinysim {

struct BenchOptions {
  uint32_t runs = 5;
  uint32_t seed = 1;
  uint32_t stack_bytes = 8192;
};

struct LayerTiming {
  uint32_t index = 0;
  std::string op;
  uint64_t macs = 0;
  uint64_t cycles = 0;  ///< mean over the runs
};

struct BenchResult {
  std::string model;
  std::string device;
  std::string core;
  uint32_t clock_hz = 0;
  uint32_t runs = 0;
  uint32_t seed = 0;
  ModelFit fit;
  std::vector<uint64_t> inference_cycles;  ///< one per run
  std::vector<LayerTiming> layers;
  uint64_t total_macs = 0;
  uint32_t mismatches = 0;          ///< runs whose output differs from the host build
  std::string first_mismatch;       ///< "run 3: byte 17 is 12 on the device, 13 on the host"
  uint32_t arena_bytes = 0;         ///< as the firmware reported it
  uint32_t stack_high_water = 0;
  uint64_t instructions = 0;
  double energy_per_inference = 0;      ///< J at run current; 0 when the device has no power figures
  double run_current = 0;               ///< A at the device clock
  std::string regulator;                ///< the regulator mode of run_current, if the device names one
  std::vector<std::string> assumptions; ///< where the energy figures come from
  std::string console;                  ///< what the firmware printed

  uint64_t min_cycles() const;
  uint64_t max_cycles() const;
  double mean_cycles() const;
  double latency_ms() const { return clock_hz ? 1e3 * mean_cycles() / clock_hz : 0; }
  double cycles_per_mac() const { return total_macs ? mean_cycles() / double(total_macs) : 0; }
};

/// Runs the bench. Errors: the model does not fit (with the figures), the firmware
/// faulted or reported an error, missing firmware.
Result<BenchResult> bench_model(const Device& device, const std::vector<uint8_t>& model, const ModelSummary& summary,
                                const BenchOptions& options);

}  // namespace tinysim
