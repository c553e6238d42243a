#pragma once
/// Plain data shared by every int8 kernel: shapes, quantisation of one tensor, the
/// options a .tflite operator carries, and the status a Prepare function returns.
#include <stdint.h>

/// Padding is shared with the model reader.
#include "common/padding.h"

namespace tinyrt {

/// NHWC shape; a 2-D [rows, cols] tensor is {1, 1, rows, cols}.
struct Shape4D {
  int32_t batch;
  int32_t height;
  int32_t width;
  int32_t channels;
};

inline int32_t element_count(const Shape4D& s) { return s.batch * s.height * s.width * s.channels; }

/// Affine quantisation of one tensor: real = scale * (q - zero_point).
struct QuantParams {
  float scale;
  int32_t zero_point;
};


/// TFLite's ActivationFunctionType values that int8 kernels fuse.
enum class FusedActivation : uint8_t { kNone = 0, kRelu = 1, kReluN1To1 = 2, kRelu6 = 3 };

/// What a Prepare function found wrong; Eval functions cannot fail.
enum class KernelStatus : uint8_t {
  kOk = 0,
  kBadShape,         ///< shapes disagree (e.g. output shape not what the op computes)
  kBadQuantization,  ///< quantisation the int8 kernel cannot honour (e.g. scale <= 0)
  kUnsupported,      ///< valid TFLite, but not supported by this kernel
};

/// Human-readable status name (for error reports).
const char* kernel_status_name(KernelStatus s);

}  // namespace tinyrt

/// 1 when the Cortex-M DSP kernels (runtime/kernels/arm/) are the ones the op entry
/// points call: cores with the ARMv7E-M DSP extension (M4, M7, M33). Defining it to 0
/// on the command line builds the reference kernels instead (to measure them).
#if defined(TINYRT_KERNELS_DSP)
#elif defined(__ARM_FEATURE_DSP) && __ARM_FEATURE_DSP
#define TINYRT_KERNELS_DSP 1
#else
#define TINYRT_KERNELS_DSP 0
#endif
