#pragma once
#include <stdint.h>

namespace tinyrt {

/// Why a DSP setup call refused its arguments.
enum class DspStatus : uint8_t {
  kOk,
  kBadSize,         ///< a length or size outside what the function supports
  kBadArgument,     ///< an inconsistent parameter (e.g. high_hz above Nyquist)
  kBufferTooSmall,  ///< the caller's table holds fewer entries than needed
};

}  // namespace tinyrt
