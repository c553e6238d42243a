#pragma once
// Sensor stream -> labelled model inputs, windowed and featured exactly as the firmware
// does it: windows of W frames every S frames, runtime/features' FeaturePipeline (the
// MCU's own fixed-point code) and its int8 quantisation with the model's input scale.
// A window's label is window_label(): the rule the scenario scorer uses too.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "features/feature_pipeline.h"
#include "sensors/sensor_source.h"

namespace tinysim {

struct Windowing {
  uint32_t window_frames = 0;
  uint32_t stride_frames = 0;
  tinyrt::FeatureConfig features;  ///< window_frames, channels and sample rate filled in from here and the source
};

/// Every window's fixed-point feature values (the kind's format) and label.
struct FeatureWindows {
  std::vector<std::vector<int32_t>> values;
  std::vector<int> labels;  ///< kNoLabel for unlabelled windows
  std::vector<uint64_t> first_frames;
  tinyrt::FeatureConfig config;
  uint32_t feature_count = 0;
};

/// Extracts the features of every whole window of the stream (an endless stream is
/// read for `max_frames`). Errors: a configuration the pipeline rejects.
Result<FeatureWindows> extract_windows(const SensorSource& source, const Windowing& windowing, uint64_t max_frames);

/// The model input quantisation that covers the real feature values
/// (fixed-point / 2^fraction_bits) of the windows at `indices`.
tinyrt::QuantParams input_quantization(const FeatureWindows& windows, const std::vector<size_t>& indices);

/// The firmware's int8 model inputs for the windows at `indices` (extract_quantized
/// on each window's frames, re-read from the source), one vector per window.
std::vector<std::vector<int8_t>> quantized_windows(const SensorSource& source, const FeatureWindows& windows,
                                                   const std::vector<size_t>& indices,
                                                   const tinyrt::QuantParams& input);

}  // namespace tinysim
