#include "kernels/quantization.h"

#include <math.h>

namespace tinyrt {

QuantizedMultiplier quantize_multiplier(double real_multiplier) {
  if (real_multiplier == 0.0) return {0, 0};
  int exponent = 0;
  const double mantissa = frexp(real_multiplier, &exponent);
  int64_t q = static_cast<int64_t>(round(mantissa * static_cast<double>(int64_t{1} << 31)));
  if (q == (int64_t{1} << 31)) {  /// mantissa rounded up to 1.0: renormalise
    q /= 2;
    ++exponent;
  }
  if (exponent < -31) return {0, 0};  /// every product would shift out to zero
  if (exponent > 30) return {INT32_MAX, 30};
  return {static_cast<int32_t>(q), exponent};
}

int32_t round_to_int32(float x) {
  if (x != x) return 0;
  if (x >= 2147483520.0f) return INT32_MAX;  /// largest float below 2^31
  if (x <= -2147483648.0f) return INT32_MIN;
  const int32_t t = static_cast<int32_t>(x);           /// truncates toward zero
  const float frac = x - static_cast<float>(t);        /// exact: the bits below the point
  if (frac >= 0.5f) return t + 1;
  if (frac <= -0.5f) return t - 1;
  return t;
}

KernelStatus activation_range_s8(FusedActivation act, const QuantParams& output, int32_t* act_min,
                                 int32_t* act_max) {
  if (!(output.scale > 0.0f)) return KernelStatus::kBadQuantization;
  const auto quantize = [&](float f) { return output.zero_point + round_to_int32(f / output.scale); };
  int32_t lo = -128;
  int32_t hi = 127;
  switch (act) {
    case FusedActivation::kNone: break;
    case FusedActivation::kRelu: lo = quantize(0.0f); break;
    case FusedActivation::kRelu6:
      lo = quantize(0.0f);
      hi = quantize(6.0f);
      break;
    case FusedActivation::kReluN1To1:
      lo = quantize(-1.0f);
      hi = quantize(1.0f);
      break;
  }
  *act_min = lo > -128 ? lo : -128;
  *act_max = hi < 127 ? hi : 127;
  return *act_min <= *act_max ? KernelStatus::kOk : KernelStatus::kBadQuantization;
}

int32_t calculate_input_radius(int32_t input_integer_bits, int32_t input_left_shift,
                               int32_t total_signed_bits) {
  const double max_input_rescaled =
      static_cast<double>((int32_t{1} << input_integer_bits) - 1) *
      ldexp(1.0, total_signed_bits - input_integer_bits - input_left_shift);
  return static_cast<int32_t>(floor(max_input_rescaled));
}

}  // namespace tinyrt
