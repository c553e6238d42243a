#include "cost/core_timing.h"

#include <algorithm>

namespace tinysim {
namespace {

// Cortex-M0+ TRM (Arm DDI 0484C) Table 3-1 "Cortex-M0+ instruction summary", zero wait
// states: ALU 1; MULS 1 (fast multiplier) or 32; LDR*/STR* 2; LDM/STM/PUSH/POP 1+N;
// POP {..,PC} 3+N; B/B<cond> taken 2, not taken 1; BL 3; BX/BLX 2; MOV/ADD PC 2;
// MRS/MSR/ISB/DSB/DMB 3 (MSR 3, MRS 3, barriers 3). Two-stage pipeline: P = 1.
constexpr CoreTiming kM0Plus{
    .profile = "Cortex-M0+ (TRM DDI 0484C)",
    .source = "Cortex-M0+ TRM (Arm DDI 0484C) Table 3-1 Cortex-M0+ instruction summary",
    .alu = 1, .multiply = 1, .multiply_long = 0, .multiply_long_acc = 0, .mac = 0, .dsp = 0,
    .divide_min = 0, .divide_max = 0,
    .load = 2, .store_imm = 2, .store_reg = 2, .load_store_double = 0, .multiple_base = 1,
    .branch = 1, .call = 2, .refill = 1, .load_pc_refill = 2, .system = 3,
    .fpu = 0, .fpu_mac = 0, .fpu_divide = 0,
    .load_pipelining = false, .address_interlock = false, .dual_issue = false};

// Cortex-M3 TRM (Arm DDI 0337I) Table 3-1 "Cortex-M3 instruction set summary" and section
// 3.3.2 "Load/store timings": MUL 1, MLA/MLS 2, SMULL/UMULL 3-5, SMLAL/UMLAL 4-7 (early
// termination: the lower bound is used), SDIV/UDIV 2-12; LDR 2 and an LDR/STR after an LDR
// 1 less; STR Rt,[Rn,#imm] always 1; LDRD/STRD 3; LDM/STM 1+N; B/BL/BX 1+P with P = 2
// ("if branch taken, pipeline reloads (two cycles are added)", DDI 0337E Table 18-1);
// a load/store whose address a preceding data operation computed stalls one cycle.
constexpr CoreTiming kM3{
    .profile = "Cortex-M3 (TRM DDI 0337I)",
    .source = "Cortex-M3 TRM (Arm DDI 0337I) Table 3-1 and section 3.3.2 Load/store timings; P = 2 (DDI 0337E Table 18-1)",
    .alu = 1, .multiply = 1, .multiply_long = 3, .multiply_long_acc = 4, .mac = 2, .dsp = 0,
    .divide_min = 2, .divide_max = 12,
    .load = 2, .store_imm = 1, .store_reg = 2, .load_store_double = 3, .multiple_base = 1,
    .branch = 1, .call = 1, .refill = 2, .load_pc_refill = 2, .system = 1,
    .fpu = 0, .fpu_mac = 0, .fpu_divide = 0,
    .load_pipelining = true, .address_interlock = true, .dual_issue = false};

// Cortex-M4 TRM (Arm DDI 0439B / 100166, r0p1) Table 3-1 "Cortex-M4 instruction set
// summary", section 3.3.2 "Load/store timings" (as the M3), section 7.2.3 Table 7-1 "FPU
// instruction set": single-cycle MUL, MLA, MLS, SMULL/UMULL, SMLAL/UMLAL and the DSP
// multiplies; SDIV/UDIV 2-12; FPU VADD/VMUL/VMOV 1, VMLA/VFMA 3, VDIV/VSQRT 14.
constexpr CoreTiming kM4{
    .profile = "Cortex-M4 (TRM r0p1, DDI 0439B)",
    .source = "Cortex-M4 TRM r0p1 (Arm DDI 0439B) Table 3-1, section 3.3.2 Load/store timings, Table 7-1 FPU",
    .alu = 1, .multiply = 1, .multiply_long = 1, .multiply_long_acc = 1, .mac = 1, .dsp = 1,
    .divide_min = 2, .divide_max = 12,
    .load = 2, .store_imm = 1, .store_reg = 2, .load_store_double = 3, .multiple_base = 1,
    .branch = 1, .call = 1, .refill = 2, .load_pc_refill = 2, .system = 1,
    .fpu = 1, .fpu_mac = 3, .fpu_divide = 14,
    .load_pipelining = true, .address_interlock = true, .dual_issue = false};

// Cortex-M7: Arm publishes no per-instruction table for its 6-stage dual-issue pipeline
// with branch prediction and caches. Coarse model (say so in every report): pairs of ALU
// ops issue together, loads/stores 1 (TCM or cache hit), a taken branch 1 extra
// (predicted), divide 2-12 as the Armv7-M cores.
constexpr CoreTiming kM7{
    .profile = "Cortex-M7 (coarse: dual issue, cache hits)",
    .source = "Cortex-M7 TRM (Arm DDI 0489F) section 1.2 features: dual-issue 6-stage pipeline, branch prediction; "
              "no timing table published, so a coarse TinySim estimate",
    .alu = 1, .multiply = 1, .multiply_long = 1, .multiply_long_acc = 1, .mac = 1, .dsp = 1,
    .divide_min = 2, .divide_max = 12,
    .load = 1, .store_imm = 1, .store_reg = 1, .load_store_double = 1, .multiple_base = 1,
    .branch = 1, .call = 1, .refill = 1, .load_pc_refill = 1, .system = 1,
    .fpu = 1, .fpu_mac = 3, .fpu_divide = 14,
    .load_pipelining = false, .address_interlock = false, .dual_issue = true};

// Cortex-M33: the TRM (Arm 100230) publishes no instruction timing table. Its 3-stage
// Armv8-M Mainline pipeline is modelled with the Cortex-M4 figures (an estimate, stated
// in docs/accuracy.md).
constexpr CoreTiming kM33{
    .profile = "Cortex-M33 (Cortex-M4 figures; no Arm table)",
    .source = "Cortex-M33 TRM (Arm 100230) gives no cycle table: the Cortex-M4 TRM r0p1 Table 3-1 figures are used "
              "(ESTIMATE)",
    .alu = 1, .multiply = 1, .multiply_long = 1, .multiply_long_acc = 1, .mac = 1, .dsp = 1,
    .divide_min = 2, .divide_max = 12,
    .load = 2, .store_imm = 1, .store_reg = 2, .load_store_double = 3, .multiple_base = 1,
    .branch = 1, .call = 1, .refill = 2, .load_pc_refill = 2, .system = 1,
    .fpu = 1, .fpu_mac = 3, .fpu_divide = 14,
    .load_pipelining = true, .address_interlock = true, .dual_issue = false};

unsigned significant_bits(uint32_t value) {
  unsigned bits = 0;
  while (value) {
    ++bits;
    value >>= 1;
  }
  return bits;
}

uint32_t magnitude(uint32_t value, bool is_signed) {
  if (!is_signed || !(value & 0x80000000u)) return value;
  return 0u - value;
}

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

uint32_t divide_cycles(const CoreTiming& timing, uint32_t quotient, bool is_signed) {
  const unsigned bits = significant_bits(magnitude(quotient, is_signed));
  return std::min<uint32_t>(timing.divide_max, timing.divide_min + (bits + 2) / 3);
}

}  // namespace tinysim
