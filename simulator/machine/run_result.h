#pragma once
// Everything one run of a firmware produced, for the CLI, GUI and energy model.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "elf/memory_fit.h"
#include "machine/fault.h"

namespace tinysim {

/// Core power states, as the energy model prices them.
enum class PowerState { Run, Sleep, DeepSleep };
std::string power_state_name(PowerState state);

/// The core entered `state` at `cycle`.
struct PowerChange {
  uint64_t cycle = 0;
  PowerState state = PowerState::Run;
};

/// Why the run ended.
enum class StopReason { Exited, Fault, Stopped };

struct RunResult {
  StopReason reason = StopReason::Stopped;
  int exit_code = 0;                  ///< from SYS_EXIT(_EXTENDED) when reason == Exited
  std::optional<Fault> fault;         ///< when reason == Fault
  std::string console;                ///< semihosting output (stdout and stderr)
  std::vector<std::string> notes;     ///< refused host operations, warnings
  uint64_t instructions = 0;
  uint64_t cycles = 0;                ///< simulated core cycles since reset
  uint32_t clock_hz = 0;
  uint64_t run_cycles = 0, sleep_cycles = 0, deep_sleep_cycles = 0;
  std::vector<PowerChange> power;     ///< timeline, starting with (0, Run)
  uint64_t exceptions_taken = 0;      ///< interrupts and system exceptions entered
  MemoryUsage memory;
  uint32_t stack_high_water = 0;      ///< deepest stack use seen, bytes below RAM top
  uint32_t stack_available = 0;       ///< bytes between end of .bss and RAM top

  double seconds() const { return clock_hz ? static_cast<double>(cycles) / clock_hz : 0.0; }
};

}  // namespace tinysim
