#include "train/feature_dataset.h"

#include <algorithm>

#include "sensors/window_label.h"
#include "train/quantizer.h"

namespace tinysim {
namespace {

/// A pipeline with its workspace.
struct Pipeline {
  std::vector<uint64_t> workspace;  ///< 8-byte aligned
  tinyrt::FeaturePipeline pipeline;

  bool init(const tinyrt::FeatureConfig& config) {
    workspace.assign(tinyrt::feature_workspace_bytes(config) / 8 + 1, 0);
    return pipeline.init(config, reinterpret_cast<uint8_t*>(workspace.data()),
                         static_cast<uint32_t>(workspace.size() * 8));
  }
};

void read_window(const SensorSource& source, uint64_t first, uint32_t frames, std::vector<int16_t>& out) {
  const unsigned channels = source.channels();
  out.resize(size_t(frames) * channels);
  for (uint32_t f = 0; f < frames; ++f) source.read_frame(first + f, out.data() + size_t(f) * channels);
}

}  // namespace

Result<FeatureWindows> extract_windows(const SensorSource& source, const Windowing& windowing, uint64_t max_frames) {
  FeatureWindows w;
  w.config = windowing.features;
  w.config.window_frames = windowing.window_frames;
  w.config.channels = source.channels();
  const SampleRate rate = source.rate();
  w.config.sample_rate_hz = static_cast<uint32_t>(rate.hz_num / rate.hz_den);
  Pipeline p;
  if (windowing.window_frames == 0 || windowing.stride_frames == 0 || !p.init(w.config))
    return make_error("the feature settings are not valid for this sensor (window " +
                      std::to_string(windowing.window_frames) + " frames of " + std::to_string(source.channels()) +
                      " channels at " + std::to_string(w.config.sample_rate_hz) + " Hz)");
  w.feature_count = p.pipeline.count();
  const uint64_t frames = std::min(source.frame_count().value_or(max_frames), max_frames);
  std::vector<int16_t> window;
  for (uint64_t first = 0; first + windowing.window_frames <= frames; first += windowing.stride_frames) {
    read_window(source, first, windowing.window_frames, window);
    std::vector<int32_t> values(w.feature_count);
    p.pipeline.extract(window.data(), values.data());
    w.values.push_back(std::move(values));
    w.labels.push_back(window_label(source, first, windowing.window_frames));
    w.first_frames.push_back(first);
  }
  return w;
}

tinyrt::QuantParams input_quantization(const FeatureWindows& windows, const std::vector<size_t>& indices) {
  int32_t low = 0, high = 0;
  for (size_t i : indices)
    for (int32_t v : windows.values[i]) {
      low = std::min(low, v);
      high = std::max(high, v);
    }
  const double unit = 1.0 / double(1u << tinyrt::feature_fraction_bits(windows.config.kind));
  return activation_quantization({static_cast<float>(low * unit), static_cast<float>(high * unit)});
}

std::vector<std::vector<int8_t>> quantized_windows(const SensorSource& source, const FeatureWindows& windows,
                                                   const std::vector<size_t>& indices,
                                                   const tinyrt::QuantParams& input) {
  Pipeline p;
  p.init(windows.config);
  std::vector<int16_t> window;
  std::vector<std::vector<int8_t>> out;
  for (size_t i : indices) {
    read_window(source, windows.first_frames[i], windows.config.window_frames, window);
    out.emplace_back(windows.feature_count);
    p.pipeline.extract_quantized(window.data(), input, out.back().data());
  }
  return out;
}

}  // namespace tinysim
