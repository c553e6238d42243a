#include "cost/timing_assumptions.h"

#include <cstdio>

#include "cost/core_timing.h"
#include "cost/device_timing.h"

namespace tinysim {

std::vector<std::string> TimingAssumptions::lines() const {
  char mhz[32];
  std::snprintf(mhz, sizeof mhz, "%.1f MHz", clock_hz / 1e6);
  std::vector<std::string> out{"core timing: " + core_profile + " at " + mhz + " (" + core_source + ")"};
  if (!multiplier.empty()) out.push_back("multiplier: " + multiplier + " (" + multiplier_source + ")");
  out.push_back("flash: " + std::to_string(wait_states) + " wait state" + (wait_states == 1 ? "" : "s") + " at " +
                mhz + " (" + wait_state_source + "); SRAM zero wait states");
  if (!accelerator.empty()) out.push_back("flash accelerator: " + accelerator + " (" + accelerator_source + ")");
  return out;
}

Result<TimingAssumptions> timing_assumptions(const Device& device) {
  auto timing = device_timing(device);
  if (!timing) return timing.error();
  const CoreTiming& core = core_timing(device.core);
  TimingAssumptions a;
  a.core_profile = core.profile;
  a.core_source = core.source;
  a.clock_hz = device.clock_hz;
  a.multiplier = timing->multiplier;
  a.multiplier_source = timing->multiplier_source;
  a.wait_states = timing->flash.wait_states;
  a.wait_state_source = timing->from_file ? timing->flash.wait_state_source
                                          : "the device file has no timing: section, so none are modelled";
  a.accelerator = timing->flash.accelerator;
  a.accelerator_source = timing->flash.accelerator_source;
  return a;
}

}  // namespace tinysim
