// Firmware entry: read the model from its flash partition, keep the sensor window, the
// feature workspace and (anomaly decisions) a copy of the model input at the start of
// free RAM, plan the tensor arena in the rest (up to the stack), then run the mode the
// host asks for.
#include <stdint.h>

#include "app/firmware.h"
#include "hal/tinysim_regs.h"

extern "C" uint8_t __free_ram_start[];

namespace {

tinyrt::Interpreter interpreter;
tinyrt::FeaturePipeline features;
tinyrt::app::AnomalyDecision anomaly;
tinyrt::app::KeywordDecision keywords;

uint8_t* carve(uint8_t*& free, uint32_t bytes) {
  uint8_t* p = free;
  free += (bytes + 7u) & ~7u;
  return p;
}

}  // namespace

int main() {
  using namespace tinyrt;
  const hal::MachineInfo info = hal::machine_info();
  if (info.model_addr == 0 || info.model_size == 0)
    return app::fail(TS_ERR_MODEL_INVALID, 0, "no model in the model partition");

  uint8_t* free = __free_ram_start;
  int16_t* window = nullptr;
  const uint32_t ram_end = info.ram_base + info.ram_size - info.stack_size;
  if (info.mode != TS_MODE_TENSOR) {
    const FeatureConfig config = app::configured_features();
    window = reinterpret_cast<int16_t*>(carve(free, config.window_frames * config.channels * 2u));
    const uint32_t workspace = feature_workspace_bytes(config);
    uint8_t* scratch = carve(free, workspace);
    if (reinterpret_cast<uintptr_t>(free) > ram_end || !features.init(config, scratch, workspace))
      return app::fail(TS_ERR_INTERNAL, static_cast<uint32_t>(config.kind),
                       "feature pipeline settings are invalid or do not fit in RAM");
    anomaly.threshold = hal::config_word(TS_CONFIG_ANOMALY_THRESHOLD / 4);
    if (anomaly.threshold != 0) anomaly.kept_input = reinterpret_cast<int8_t*>(carve(free, features.count()));
    if (reinterpret_cast<uintptr_t>(free) > ram_end)
      return app::fail(TS_ERR_ARENA_TOO_SMALL, features.count(), "the kept model input does not fit in RAM");
  }

  const uint32_t arena_start = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(free));
  const uint32_t arena_bytes = ram_end > arena_start ? ram_end - arena_start : 0u;
  const auto* model = reinterpret_cast<const uint8_t*>(static_cast<uintptr_t>(info.model_addr));
  if (!interpreter.init(model, info.model_size, free, arena_bytes)) {
    const RunError& e = interpreter.error();
    return app::fail(static_cast<uint32_t>(e.status), e.detail, e.message);
  }
  const ArenaReport& r = interpreter.arena_report();
  hal::profile_arena(static_cast<uint32_t>(reinterpret_cast<uintptr_t>(interpreter.arena_base())),
                     r.persistent_bytes, r.activation_bytes, r.scratch_bytes);

  return info.mode == TS_MODE_TENSOR ? app::run_tensor_mode(interpreter)
                                     : app::run_scenario_mode(interpreter, features, window, anomaly, keywords);
}
