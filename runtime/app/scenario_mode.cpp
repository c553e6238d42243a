// Scenario mode: sleep until the sensor FIFO holds a window, take it (sliding by the
// stride), turn it into the model's input, run, publish (an autoencoder's anomaly
// decision or the keyword decision included); finish when the stream ends.
#include "app/firmware.h"
#include "hal/tinysim_regs.h"

namespace tinyrt::app {

int run_scenario_mode(Interpreter& interpreter, FeaturePipeline& features, int16_t* window,
                      AnomalyDecision& anomaly, KeywordDecision& keywords) {
  const uint32_t frames = features.config().window_frames;
  const uint32_t stride = hal::config_word(TS_CONFIG_STRIDE_FRAMES / 4);
  if (stride == 0 || stride > frames) return fail(TS_ERR_INTERNAL, stride, "stride must be 1..window frames");
  Tensor& input = interpreter.input(0);
  if (input.type != TensorType::kInt8 || input.bytes != features.count())
    return fail(TS_ERR_INPUT_MISMATCH, input.bytes, "the feature pipeline's output size differs from the model input");
  if (anomaly.threshold != 0)
    if (const int code = prepare_anomaly(interpreter, anomaly)) return code;
  bool deciding = false;
  if (const int code = prepare_keyword_decision(interpreter, keywords, deciding)) return code;

  // Between windows the sensor's FIFO collects frames; the core waits in deep sleep unless
  // the scenario keeps its clocks on (a sensor path that needs them, e.g. a PDM mic's DMA).
  const bool deep = hal::config_word(TS_CONFIG_IDLE_SLEEP / 4) == 0;
  hal::sensor_start(frames, true);
  for (uint32_t n = 0;;) {
    while (hal::sensor_window_ready()) {
      hal::sensor_take_window(window, frames, stride);
      hal::profile_features(true, n);
      features.extract_quantized(window, input.quant, input.as<int8_t>());
      hal::profile_features(false, n);
      infer_and_publish(interpreter, n++, 1, anomaly.threshold != 0 ? &anomaly : nullptr,
                        deciding ? &keywords : nullptr);
    }
    if (hal::sensor_ended()) return 0;
    hal::sleep_until_event(deep);
  }
}

}  // namespace tinyrt::app
