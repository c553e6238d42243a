#pragma once
// Cycles per instruction class for one Cortex-M core, from Arm's Technical
// Reference Manuals, as one table per core (core_timing.cpp). The cycle model
// applies them per basic block; nothing core-specific lives anywhere else.
#include <cstdint>

#include "device/core_kind.h"

namespace tinysim {

/// Cycles per instruction class. N = registers in a list, P = pipeline refill.
struct CoreTiming {
  const char* profile;     ///< short name printed in the assumptions, e.g. "Cortex-M4 (TRM r0p1)"
  const char* source;      ///< TRM document and tables the figures come from
  uint8_t alu;             ///< data processing, moves, compares, extends, bit fields
  uint8_t multiply;        ///< MUL (32x32->32); M0+ small multiplier: see kIterativeMultiply
  uint8_t multiply_long;   ///< UMULL/SMULL (the TRM's lower bound where it gives a range)
  uint8_t multiply_long_acc;  ///< UMLAL/SMLAL/UMAAL (lower bound where a range)
  uint8_t mac;             ///< MLA/MLS
  uint8_t dsp;             ///< DSP multiplies: SMLAD, SMLABB, SMUAD, SMULBB, SMMLA... (0: not on this core)
  uint8_t divide_min;      ///< SDIV/UDIV fastest case (0: no divider)
  uint8_t divide_max;      ///< SDIV/UDIV slowest case
  uint8_t load;            ///< LDR/LDRB/LDRH/LDRSB/LDRSH, not pipelined
  uint8_t store_imm;       ///< STR Rt, [Rn, #imm] (M3/M4: 1, the data phase overlaps the next instruction)
  uint8_t store_reg;       ///< STR Rt, [Rn, Rm]
  uint8_t load_store_double;  ///< LDRD/STRD
  uint8_t multiple_base;   ///< LDM/STM/PUSH/POP cost = multiple_base + N
  uint8_t branch;          ///< B/B<cond> not taken, BX/BLX before the refill
  uint8_t call;            ///< BL before the refill (M0+: BL is 3 in all, P = 1)
  uint8_t refill;          ///< P: added when a branch is taken or PC is written by an ALU op
  uint8_t load_pc_refill;  ///< added when a load (LDR/POP/LDM) writes the PC
  uint8_t system;          ///< MRS/MSR/ISB/DSB/DMB/CPS
  uint8_t fpu;             ///< VADD/VSUB/VMUL/VMOV/VCVT...
  uint8_t fpu_mac;         ///< VMLA/VMLS/VFMA/VFMS
  uint8_t fpu_divide;      ///< VDIV/VSQRT
  bool load_pipelining;    ///< an LDR/STR after an LDR costs 1 less (Armv7-M TRMs "Load/store timings")
  bool address_interlock;  ///< a load/store whose address register the previous ALU op wrote stalls 1
  bool dual_issue;         ///< pairs of ALU ops issue together (M7; coarse)
};

/// The M0+'s small multiplier option: MULS takes 32 cycles (DDI 0484C Table 3-1 note a).
inline constexpr uint8_t kIterativeMultiply = 32;

/// The timing table for a core.
const CoreTiming& core_timing(CoreKind core);

/// SDIV/UDIV cycles for a division whose result was `quotient`: the TRMs give only a
/// range (early termination on the operands' leading zeros/ones, which sets how many
/// quotient bits are produced); TinySim's rule within it: divide_min + one cycle per
/// 3 significant quotient bits (of its magnitude when signed), capped at divide_max.
uint32_t divide_cycles(const CoreTiming& timing, uint32_t quotient, bool is_signed);

}  // namespace tinysim
