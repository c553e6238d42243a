// A bearing-fault detector without a model, as firmware engineers wrote them before
// TinyML: the mean energy of the vibration's first difference over each window (a
// high-pass that keeps the ~1 kHz ringing of bearing impacts and nearly removes the
// shaft's 25-75 Hz lines), above a fixed threshold = fault. It uses only the documented
// firmware interface through the HAL (SENSOR, RESULT, PROFILE; docs/firmware-interface.md)
// and runs in a scenario as `firmware: energy_detector` (scenarios/vibration_energy.yaml).
#include <stdint.h>

#include "hal/hal.h"
#include "hal/tinysim_regs.h"

namespace {

/// Mean squared first difference (counts^2; mg^2 with 1 count = 1 mg) above which a
/// window is a fault: normal running measures about 800, a 0.5-severity outer-race
/// fault about 200 000 (scenarios/vibration_energy.yaml).
constexpr uint32_t kFaultEnergy = 10000;
constexpr uint32_t kMaxValues = 4096;  ///< window frames x channels the buffer holds
int16_t window[kMaxValues];

/// Channel 0's mean squared first difference over `frames` frames of `channels` values.
uint32_t difference_energy(const int16_t* values, uint32_t frames, uint32_t channels) {
  uint64_t sum = 0;
  for (uint32_t i = 1; i < frames; ++i) {
    const int32_t d = int32_t(values[i * channels]) - int32_t(values[(i - 1) * channels]);
    sum += uint64_t(int64_t(d) * d);
  }
  return frames > 1 ? uint32_t(sum / (frames - 1)) : 0u;
}

}  // namespace

int main() {
  using namespace tinyrt;
  const uint32_t frames = hal::config_word(TS_CONFIG_WINDOW_FRAMES / 4);
  const uint32_t stride = hal::config_word(TS_CONFIG_STRIDE_FRAMES / 4);
  const uint32_t channels = hal::sensor_channels();
  if (frames < 2 || stride == 0 || stride > frames || frames * channels > kMaxValues) {
    hal::publish_error(TS_ERR_INPUT_MISMATCH, kMaxValues, "the window must be 2 to 4096 values, the stride 1..window");
    return 1;
  }
  hal::sensor_start(frames, true);
  for (uint32_t n = 0;;) {
    while (hal::sensor_window_ready()) {
      hal::sensor_take_window(window, frames, stride);
      hal::profile_inference(true, n);
      const uint32_t energy = difference_energy(window, frames, channels);
      const int32_t fault = energy > kFaultEnergy ? 1 : 0;
      hal::profile_inference(false, n++);
      hal::publish_result(fault, &energy, sizeof energy);  // the energy is the result's 4 output bytes
    }
    if (hal::sensor_ended()) return 0;
    hal::sleep_until_event(false);
  }
}
