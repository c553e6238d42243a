#include "kernels/types.h"

namespace tinyrt {

const char* kernel_status_name(KernelStatus s) {
  switch (s) {
    case KernelStatus::kOk: return "ok";
    case KernelStatus::kBadShape: return "bad shape";
    case KernelStatus::kBadQuantization: return "bad quantization";
    case KernelStatus::kUnsupported: return "unsupported";
  }
  return "unknown";
}

}  // namespace tinyrt
