#include "scenario/anomaly.h"

#include "features/feature_pipeline.h"
#include "scenario/scenario_run.h"

namespace tinysim {

Result<AnomalyScores> decide_anomalies(const Scenario& s, const ModelSummary& model, const SensorSource& source,
                                       const std::vector<InferenceResult>& results) {
  const TensorSummary& in = model.inputs.at(0);
  if (model.outputs.size() != 1 || model.outputs[0].bytes != in.bytes || model.outputs[0].type != "int8")
    return s.fields.error("anomaly_threshold", "an anomaly threshold needs an autoencoder: one int8 output the size "
                                               "of its input (" + std::to_string(in.bytes) + " values)");
  const TensorSummary& out = model.outputs[0];
  const tinyrt::FeatureConfig config = runtime_features(s);
  std::vector<uint8_t> workspace(tinyrt::feature_workspace_bytes(config) + 8);
  tinyrt::FeaturePipeline pipeline;
  if (!pipeline.init(config, workspace.data(), static_cast<uint32_t>(workspace.size())))
    return s.fields.error("inference", "the feature pipeline rejects these settings");
  const tinyrt::QuantParams input_quant{static_cast<float>(in.scale), static_cast<int32_t>(in.zero_point)};

  AnomalyScores a;
  std::vector<int16_t> window(size_t{s.features.window_frames} * s.sensor.channels);
  std::vector<int8_t> features(in.bytes);
  for (const InferenceResult& r : results) {
    InferenceResult decided = r;
    double score = -1;
    if (r.window && r.window->frames == s.features.window_frames && r.output.size() == out.bytes) {
      for (uint32_t f = 0; f < s.features.window_frames; ++f)
        source.read_frame(r.window->first_frame + f, window.data() + size_t{f} * s.sensor.channels);
      pipeline.extract_quantized(window.data(), input_quant, features.data());
      double sum = 0;
      for (size_t i = 0; i < features.size(); ++i) {
        const double x = in.scale * double(features[i] - in.zero_point);
        const double y = out.scale * double(static_cast<int8_t>(r.output[i]) - out.zero_point);
        sum += (y - x) * (y - x);
      }
      score = sum / double(features.size());
      decided.predicted_class = score > s.anomaly_threshold ? 1 : 0;
    }
    a.scores.push_back(score);
    a.decided.push_back(decided);
  }
  return a;
}

}  // namespace tinysim
