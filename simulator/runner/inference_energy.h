#pragma once
// Energy of one inference on a device: supply voltage x run current x inference time,
// from the device file's power figures, with the assumptions behind the figure.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "device/device.h"
#include "energy/power_profile.h"

namespace tinysim {

struct InferenceEnergy {
  std::optional<PowerProfile> power;     ///< empty: the device has no power figures
  uint32_t clock_hz = 0;
  double run_current = 0;                ///< A at the device clock
  std::vector<std::string> assumptions;  ///< where the figures come from

  /// J for `cycles` at run current; 0 without power figures.
  double joules(uint64_t cycles) const;
};

InferenceEnergy inference_energy(const Device& device);

}  // namespace tinysim
