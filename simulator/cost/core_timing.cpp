#include "cost/core_timing.h"

namespace tinysim {
namespace {

// Figures: typical cycle counts from each core's TRM instruction timing table.
// issue 5 refines them (pipelining of consecutive loads, wait states, ...).
constexpr CoreTiming kM0Plus{
    "Cortex-M0+ TRM (DDI 0484C) section 3.3 Instruction set summary; single-cycle multiplier option",
    1, 1, 1, 1, 1, 2, 2, 1, 2, 1, 1, 1, 1, 1};
constexpr CoreTiming kM3{
    "Cortex-M3 TRM (DDI 0337I) section 3.3 Processor instruction timings (Table 3-1)",
    1, 1, 4, 2, 7, 2, 2, 1, 2, 1, 2, 1, 1, 1};
constexpr CoreTiming kM4{
    "Cortex-M4 TRM (DDI 0439B) section 3.3.1 Cortex-M4 instructions; section 7.2 FPU instruction timing",
    1, 1, 1, 1, 7, 2, 2, 1, 2, 1, 2, 1, 3, 14};
constexpr CoreTiming kM7{
    "Cortex-M7 TRM (DDI 0489F) dual-issue pipeline with branch prediction; typical single-issue figures",
    1, 1, 1, 1, 11, 1, 1, 1, 1, 1, 1, 1, 3, 14};
constexpr CoreTiming kM33{
    "Cortex-M33 TRM (100230) section B1 / Armv8-M Mainline 3-stage pipeline; typical figures",
    1, 1, 1, 1, 6, 2, 2, 1, 2, 1, 1, 1, 3, 14};

}  // namespace

const CoreTiming& core_timing(CoreKind core) {
  switch (core) {
    case CoreKind::CortexM0Plus: return kM0Plus;
    case CoreKind::CortexM3: return kM3;
    case CoreKind::CortexM4: return kM4;
    case CoreKind::CortexM7: return kM7;
    case CoreKind::CortexM33: return kM33;
  }
  return kM4;
}

}  // namespace tinysim
