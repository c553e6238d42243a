#pragma once
/// Anomaly score of an autoencoder on the chip: the mean squared difference between the
/// model's int8 input x (the features) and its int8 reconstruction y, in real units,
///   score = (1/N) * sum_i (s_y (y_i - z_y) - s_x (x_i - z_x))^2,
/// computed in fixed point (derivation: docs/scenarios.md "Anomaly decisions"). Scores and
/// thresholds are unsigned Q16.16 real values (kScoreOne = 1.0).
#include <stdint.h>

#include "kernels/types.h"

namespace tinyrt {

constexpr uint32_t kScoreOne = 65536;  ///< 1.0 in Q16.16

/// round(value * multiplier / 2^right_shift), the product taken exactly (95 bits), ties
/// up, saturated at UINT32_MAX. multiplier < 2^31, right_shift >= 1.
uint32_t scale_u64(uint64_t value, uint32_t multiplier, uint32_t right_shift);

class ReconstructionError {
 public:
  /// Prepare-time: false unless both scales are positive, 1 <= count <= 65536 and the
  /// output scale is at most 128 times the input scale (so no sum can overflow).
  bool prepare(const QuantParams& input, const QuantParams& output, uint32_t count);
  /// The score of one reconstruction, Q16.16, saturated at UINT32_MAX.
  uint32_t score(const int8_t* input, const int8_t* output) const;

  /// Fraction bits of the common unit, s_x / 2^kFractionBits, the differences are taken in.
  static constexpr int32_t kFractionBits = 8;

 private:
  int32_t input_zero_ = 0;
  int32_t output_zero_ = 0;
  uint32_t count_ = 0;
  int32_t ratio_multiplier_ = 0;  ///< s_y / s_x as Q31 multiplier and shift (quantize_multiplier)
  int32_t ratio_shift_ = 0;
  uint32_t mean_multiplier_ = 0;  ///< s_x^2 * 2^(16 - 2 F) / N = mean_multiplier / 2^mean_shift
  uint32_t mean_shift_ = 0;
};

}  // namespace tinyrt
