// Scenario mode: sleep until the sensor FIFO holds a window, take it (sliding by the
// stride), turn it into the model's input, run, publish; finish when the stream ends.
#include "app/firmware.h"
#include "hal/tinysim_regs.h"

namespace tinyrt::app {

int run_scenario_mode(Interpreter& interpreter, int16_t* window, uint32_t window_samples) {
  const uint32_t frames = hal::config_word(TS_CONFIG_WINDOW_FRAMES / 4);
  const uint32_t stride = hal::config_word(TS_CONFIG_STRIDE_FRAMES / 4);
  const uint32_t channels = hal::sensor_channels();
  if (frames == 0 || channels == 0 || frames * channels != window_samples)
    return fail(TS_ERR_INTERNAL, frames, "CONFIG WINDOW_FRAMES must be at least 1");
  if (stride == 0 || stride > frames) return fail(TS_ERR_INTERNAL, stride, "stride must be 1..window frames");

  hal::sensor_start(frames, true);
  for (uint32_t n = 0;;) {
    while (hal::sensor_window_ready()) {
      hal::sensor_take_window(window, frames, stride);
      hal::profile_features(true, n);
      const bool ok = extract_features(window, frames, channels, interpreter.input(0));
      hal::profile_features(false, n);
      if (!ok) return TS_ERR_INPUT_MISMATCH;
      infer_and_publish(interpreter, n++);
    }
    if (hal::sensor_ended()) return 0;
    hal::sleep_until_event(false);
  }
}

}  // namespace tinyrt::app
