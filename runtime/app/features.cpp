// Sensor window -> model input, as CONFIG FEATURE_KIND says (docs/firmware-interface.md).
#include "app/firmware.h"
#include "hal/tinysim_regs.h"
#include "kernels/quantization.h"

namespace tinyrt::app {
namespace {

/// Raw: each int16 sample is the real value; quantise with the input's scale and zero
/// point. The multiplier 1/scale is computed once (Prepare-time float), then integer.
bool raw_window(const int16_t* window, uint32_t samples, Tensor& input) {
  if (input.type != TensorType::kInt8 || input.bytes != samples) {
    fail(TS_ERR_INPUT_MISMATCH, input.bytes, "raw window size differs from the model's input");
    return false;
  }
  static QuantizedMultiplier inverse_scale{0, 0};
  static float cached_scale = 0.0f;
  if (cached_scale != input.quant.scale) {
    cached_scale = input.quant.scale;
    inverse_scale = quantize_multiplier(1.0 / static_cast<double>(input.quant.scale));
  }
  int8_t* out = input.as<int8_t>();
  for (uint32_t i = 0; i < samples; ++i) {
    const int32_t q = multiply_by_quantized_multiplier(window[i], inverse_scale.multiplier, inverse_scale.shift) +
                      input.quant.zero_point;
    out[i] = static_cast<int8_t>(clamp_i32(q, -128, 127));
  }
  return true;
}

}  // namespace

bool extract_features(const int16_t* window, uint32_t frames, uint32_t channels, Tensor& input) {
  const uint32_t kind = hal::config_word(TS_CONFIG_FEATURE_KIND / 4);
  if (kind == TS_FEATURES_RAW) return raw_window(window, frames * channels, input);
  fail(TS_ERR_INTERNAL, kind, "feature kind not supported by this firmware");
  return false;
}

}  // namespace tinyrt::app
