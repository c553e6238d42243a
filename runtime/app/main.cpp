// Firmware entry: read the model from its flash partition, plan the tensor arena in
// the RAM left between .bss and the stack, then run the mode the host asks for.
#include <stdint.h>

#include "app/firmware.h"
#include "hal/tinysim_regs.h"

extern "C" uint8_t __free_ram_start[];

namespace {
tinyrt::Interpreter interpreter;
}

int main() {
  using namespace tinyrt;
  const hal::MachineInfo info = hal::machine_info();
  if (info.model_addr == 0 || info.model_size == 0)
    return app::fail(TS_ERR_MODEL_INVALID, 0, "no model in the model partition");

  // Scenario mode keeps one sensor window at the start of free RAM; the arena gets the rest.
  uint8_t* arena = __free_ram_start;
  int16_t* window = nullptr;
  uint32_t window_samples = 0;
  if (info.mode != TS_MODE_TENSOR) {
    window_samples = hal::config_word(TS_CONFIG_WINDOW_FRAMES / 4) * hal::sensor_channels();
    window = reinterpret_cast<int16_t*>(arena);
    arena += (window_samples * 2u + 7u) & ~7u;
  }
  const uint32_t arena_end = info.ram_base + info.ram_size - info.stack_size;
  const uint32_t arena_start = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(arena));
  const uint32_t arena_bytes = arena_end > arena_start ? arena_end - arena_start : 0u;

  const auto* model = reinterpret_cast<const uint8_t*>(static_cast<uintptr_t>(info.model_addr));
  if (!interpreter.init(model, info.model_size, arena, arena_bytes)) {
    const RunError& e = interpreter.error();
    return app::fail(static_cast<uint32_t>(e.status), e.detail, e.message);
  }
  const ArenaReport& r = interpreter.arena_report();
  hal::profile_arena(static_cast<uint32_t>(reinterpret_cast<uintptr_t>(interpreter.arena_base())),
                     r.persistent_bytes, r.activation_bytes, r.scratch_bytes);

  return info.mode == TS_MODE_TENSOR ? app::run_tensor_mode(interpreter) : app::run_scenario_mode(interpreter, window, window_samples);
}
