#include "cost/cycle_model.h"

#include <capstone/capstone.h>

#include <cstdlib>

namespace tinysim {
namespace {

/// Registers in an instruction's register-list (PUSH/POP/LDM/STM/VPUSH...).
unsigned register_count(const cs_insn& insn, bool skip_base) {
  const cs_arm& arm = insn.detail->arm;
  unsigned n = 0;
  for (unsigned i = skip_base ? 1 : 0; i < arm.op_count; ++i)
    if (arm.operands[i].type == ARM_OP_REG) ++n;
  return n;
}

bool writes_pc(const cs_insn& insn) {
  const cs_arm& arm = insn.detail->arm;
  for (unsigned i = 0; i < arm.op_count; ++i)
    if (arm.operands[i].type == ARM_OP_REG && arm.operands[i].reg == ARM_REG_PC &&
        (arm.operands[i].access & CS_AC_WRITE))
      return true;
  return false;
}

/// Cycles of one instruction; sets `branch`/`conditional` when it changes the PC.
uint32_t instruction_cycles(const cs_insn& insn, const CoreTiming& t, bool& branch, bool& conditional) {
  const cs_arm& arm = insn.detail->arm;
  const bool cond = arm.cc != ARM_CC_AL && arm.cc != ARM_CC_INVALID;
  const uint32_t refill = t.refill;
  auto multiple = [&](unsigned n) { return t.multiple_base + (n * t.per_register + 1) / 2; };
  branch = false;
  conditional = false;
  switch (insn.id) {
    case ARM_INS_B:
    case ARM_INS_BL:
    case ARM_INS_BX:
    case ARM_INS_BLX:
    case ARM_INS_TBB:
    case ARM_INS_TBH:
      branch = true;
      conditional = cond;
      return (insn.id == ARM_INS_TBB || insn.id == ARM_INS_TBH ? t.load : t.branch) + (cond ? 0 : refill);
    case ARM_INS_CBZ:
    case ARM_INS_CBNZ:
      branch = true;
      conditional = true;
      return t.branch;
    case ARM_INS_MUL: return t.multiply;
    case ARM_INS_UMULL: case ARM_INS_SMULL: case ARM_INS_UMLAL: case ARM_INS_SMLAL:
      return t.multiply_long;
    case ARM_INS_MLA: case ARM_INS_MLS: case ARM_INS_SMLAD: case ARM_INS_SMLADX:
    case ARM_INS_SMLSD: case ARM_INS_SMLABB: case ARM_INS_SMLABT: case ARM_INS_SMLATB:
    case ARM_INS_SMLATT: case ARM_INS_SMLAWB: case ARM_INS_SMLAWT: case ARM_INS_SMUAD:
    case ARM_INS_SMULBB: case ARM_INS_SMULBT: case ARM_INS_SMULTB: case ARM_INS_SMULTT:
    case ARM_INS_SMLALD: case ARM_INS_SMMLA: case ARM_INS_SMMUL:
      return t.mac;
    case ARM_INS_SDIV: case ARM_INS_UDIV: return t.divide;
    case ARM_INS_LDR: case ARM_INS_LDRB: case ARM_INS_LDRH: case ARM_INS_LDRSB:
    case ARM_INS_LDRSH: case ARM_INS_LDREX: case ARM_INS_LDRT: case ARM_INS_LDRBT:
    case ARM_INS_LDRHT: case ARM_INS_LDRSBT: case ARM_INS_LDRSHT:
      if (writes_pc(insn)) { branch = true; conditional = cond; return t.load + (cond ? 0 : refill); }
      return t.load;
    case ARM_INS_LDRD: return t.load + 1;
    case ARM_INS_STR: case ARM_INS_STRB: case ARM_INS_STRH: case ARM_INS_STREX:
    case ARM_INS_STRT: case ARM_INS_STRBT: case ARM_INS_STRHT:
      return t.store;
    case ARM_INS_STRD: return t.store + 1;
    case ARM_INS_PUSH: case ARM_INS_VPUSH: return multiple(register_count(insn, false));
    case ARM_INS_STM: case ARM_INS_STMDB: case ARM_INS_VSTMIA: case ARM_INS_VSTMDB:
      return multiple(register_count(insn, true));
    case ARM_INS_POP: case ARM_INS_LDM: case ARM_INS_LDMDB: case ARM_INS_VPOP:
    case ARM_INS_VLDMIA: case ARM_INS_VLDMDB: {
      const bool base = insn.id != ARM_INS_POP && insn.id != ARM_INS_VPOP;
      const uint32_t cycles = multiple(register_count(insn, base));
      if (writes_pc(insn)) { branch = true; conditional = cond; return cycles + (cond ? 0 : refill); }
      return cycles;
    }
    case ARM_INS_VLDR: return t.load;
    case ARM_INS_VSTR: return t.store;
    case ARM_INS_VMLA: case ARM_INS_VMLS: case ARM_INS_VFMA: case ARM_INS_VFMS:
    case ARM_INS_VNMLA: case ARM_INS_VNMLS: case ARM_INS_VFNMA: case ARM_INS_VFNMS:
      return t.fpu_mac;
    case ARM_INS_VDIV: case ARM_INS_VSQRT: return t.fpu_divide;
    default:
      if (writes_pc(insn)) { branch = true; conditional = cond; return t.alu + (cond ? 0 : refill); }
      return insn.id >= ARM_INS_VABA && insn.id <= ARM_INS_VZIP ? t.fpu : t.alu;
  }
}

}  // namespace

CycleModel::CycleModel(CoreKind core) : core_(core), timing_(core_timing(core)) {
  csh handle = 0;
  if (cs_open(CS_ARCH_ARM, static_cast<cs_mode>(CS_MODE_THUMB | CS_MODE_MCLASS), &handle) == CS_ERR_OK) {
    cs_option(handle, CS_OPT_DETAIL, CS_OPT_ON);
    capstone_ = handle;
  }
}

CycleModel::~CycleModel() {
  if (capstone_) {
    csh handle = capstone_;
    cs_close(&handle);
  }
}

void CycleModel::FreeTable::operator()(BlockCost* table) const { std::free(table); }

void CycleModel::add_code_region(uint32_t origin, uint32_t size) {
  regions_.push_back({origin, size, nullptr});
  hot_ = nullptr;
}

BlockCost CycleModel::cost_of(uint32_t address, const uint8_t* code, uint16_t bytes) const {
  BlockCost cost;
  cost.bytes = bytes;
  if (!capstone_) return cost;
  cs_insn* insn = cs_malloc(capstone_);
  const uint8_t* at = code;
  size_t left = bytes;
  uint64_t pc = address;
  bool branch = false, conditional = false;
  while (left > 0) {
    if (!cs_disasm_iter(capstone_, &at, &left, &pc, insn)) {
      // Undecodable (an undefined instruction ends the block): one cycle per halfword.
      cost.cycles += 1;
      cost.instructions += 1;
      at += 2;
      left = left >= 2 ? left - 2 : 0;
      pc += 2;
      branch = false;
      continue;
    }
    cost.cycles += instruction_cycles(*insn, timing_, branch, conditional);
    cost.instructions += 1;
  }
  cs_free(insn, 1);
  if (branch && conditional) {
    cost.conditional_exit = 1;
    cost.taken_penalty = timing_.refill;
  }
  return cost;
}

const BlockCost& CycleModel::decode(uint32_t address, const uint8_t* code, uint16_t bytes) {
  for (auto& region : regions_) {
    if (address - region.origin >= region.size) continue;
    if (!region.table) {
      region.table.reset(static_cast<BlockCost*>(std::calloc(region.size / 2, sizeof(BlockCost))));
      if (!region.table) break;
    }
    BlockCost& slot = region.table.get()[(address - region.origin) >> 1];
    slot = cost_of(address, code, bytes);
    return slot;
  }
  uncached_ = cost_of(address, code, bytes);
  return uncached_;
}

}  // namespace tinysim
