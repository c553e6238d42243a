#pragma once
// Cycles per instruction class for one Cortex-M core, from Arm's Technical
// Reference Manuals. First version: one figure per class (typical case).
#include <cstdint>

#include "device/core_kind.h"

namespace tinysim {

/// Cycles per instruction class; `refill` is P, the pipeline refill a taken branch adds.
struct CoreTiming {
  const char* source;     ///< TRM document and section the figures come from
  uint8_t alu;            ///< data processing, moves, compares, extends
  uint8_t multiply;       ///< MUL (32x32->32)
  uint8_t multiply_long;  ///< UMULL/SMULL/UMLAL/SMLAL
  uint8_t mac;            ///< MLA/MLS and DSP multiply-accumulate (SMLAD, SMLABB...)
  uint8_t divide;         ///< SDIV/UDIV (data dependent on hardware; typical value)
  uint8_t load;           ///< LDR/LDRB/LDRH/LDRD and friends
  uint8_t store;          ///< STR/STRB/STRH/STRD
  uint8_t multiple_base;  ///< LDM/STM/PUSH/POP: base + per_register * N
  uint8_t per_register;   ///< numerator: cycles per register times 2 (M7 moves 2 per cycle)
  uint8_t branch;         ///< branch not taken (or before refill)
  uint8_t refill;         ///< P: added when a branch is taken or PC is written
  uint8_t fpu;            ///< VADD/VMUL/VMOV...
  uint8_t fpu_mac;        ///< VMLA/VFMA
  uint8_t fpu_divide;     ///< VDIV/VSQRT
};

/// The timing table for a core.
const CoreTiming& core_timing(CoreKind core);

}  // namespace tinysim
