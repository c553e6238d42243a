#include "hal/tinysim_regs.h"

namespace tinyrt {
/// Register map version this runtime was built against (docs/firmware-interface.md).
unsigned register_map_version() { return TS_REGS_VERSION; }
}  // namespace tinyrt
