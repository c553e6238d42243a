#pragma once
// Post-training int8 quantisation by TFLite's quantization spec: activations
// asymmetric per tensor from calibration ranges, weights symmetric per output channel
// (zero point 0, values in -127..127), biases int32 with scale input_scale * weight_scale.
#include <cstdint>
#include <vector>

#include "kernels/types.h"
#include "train/network.h"

namespace tinysim {

/// The real values a tensor took over the calibration set.
struct ValueRange {
  float min = 0;
  float max = 0;
};

/// Scale and zero point covering `range` widened to include 0 (so 0 is exact).
tinyrt::QuantParams activation_quantization(ValueRange range);

/// Each layer's output range over `inputs` (one column per example), in layer order.
std::vector<ValueRange> calibrate(Network& network, const Eigen::MatrixXf& inputs);

/// Weights quantised per row (one row per output channel).
struct ChannelQuantized {
  std::vector<int8_t> values;  ///< row-major [rows x cols]
  std::vector<float> scales;   ///< one per row
};

ChannelQuantized quantize_rows(const Eigen::MatrixXf& weights);
/// round(bias[c] / (input_scale * weight_scale[c])), saturated to int32.
std::vector<int32_t> quantize_bias(const Eigen::MatrixXf& bias, float input_scale, const std::vector<float>& scales);

/// q = clamp(round(v / scale) + zero_point, -128, 127).
int8_t quantize_value(float v, const tinyrt::QuantParams& q);
inline float dequantize_value(int8_t q, const tinyrt::QuantParams& p) { return p.scale * float(int32_t(q) - p.zero_point); }

}  // namespace tinysim
