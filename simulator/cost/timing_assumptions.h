#pragma once
// What a run's cycle figures rest on, as a plain struct every report can print:
// the core's timing profile, the clock, the flash wait states and accelerator, each
// with its source.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "device/device.h"

namespace tinysim {

struct TimingAssumptions {
  std::string core_profile;        ///< e.g. "Cortex-M4 (TRM r0p1, DDI 0439B)"
  std::string core_source;         ///< TRM tables
  uint32_t clock_hz = 0;
  std::string multiplier;          ///< M0+ only: "single-cycle" / "iterative"
  std::string multiplier_source;
  unsigned wait_states = 0;        ///< flash wait states at clock_hz
  std::string wait_state_source;   ///< reference-manual table, or why there is none
  std::string accelerator;         ///< prefetch / cache as modelled, empty if none
  std::string accelerator_source;

  /// One line each, as the text and JSON reports list them.
  std::vector<std::string> lines() const;
};

/// The assumptions for `device` at its clock; errors are the device file's `timing:` errors.
Result<TimingAssumptions> timing_assumptions(const Device& device);

}  // namespace tinysim
