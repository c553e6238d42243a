#include "cost/cycle_model.h"

#include <capstone/capstone.h>

#include <algorithm>
#include <cstdlib>

namespace tinysim {
namespace {

/// Instruction classes the per-core tables price.
enum class Kind {
  Alu, Multiply, MultiplyLong, MultiplyLongAcc, Mac, Dsp, Divide, Load, StoreImm, StoreReg, LoadStoreDouble,
  LoadMultiple, StoreMultiple, Branch, Call, TableBranch, Compare0Branch, System, Fpu, FpuMac, FpuDivide,
  FpuLoad, FpuStore
};

/// r0-r12 -> bits 0-12, SP 13, LR 14, PC 15; other registers (FPU, APSR) 0.
uint16_t reg_bit(unsigned reg) {
  if (reg >= ARM_REG_R0 && reg <= ARM_REG_R12) return static_cast<uint16_t>(1u << (reg - ARM_REG_R0));
  if (reg == ARM_REG_SP) return 1u << 13;
  if (reg == ARM_REG_LR) return 1u << 14;
  if (reg == ARM_REG_PC) return 1u << 15;
  return 0;
}

/// Registers in an instruction's register list (PUSH/POP/LDM/STM/VPUSH...).
unsigned register_count(const cs_arm& arm, bool skip_base) {
  unsigned n = 0;
  for (unsigned i = skip_base ? 1 : 0; i < arm.op_count; ++i)
    if (arm.operands[i].type == ARM_OP_REG) ++n;
  return n;
}

uint16_t written_regs(const cs_arm& arm) {
  uint16_t bits = 0;
  for (unsigned i = 0; i < arm.op_count; ++i)
    if (arm.operands[i].type == ARM_OP_REG && (arm.operands[i].access & CS_AC_WRITE))
      bits |= reg_bit(arm.operands[i].reg);
  for (unsigned i = 0; i < arm.op_count; ++i)  // write-back of a base register
    if (arm.operands[i].type == ARM_OP_MEM && arm.writeback) bits |= reg_bit(arm.operands[i].mem.base);
  return bits;
}

uint16_t address_regs(const cs_arm& arm) {
  uint16_t bits = 0;
  for (unsigned i = 0; i < arm.op_count; ++i)
    if (arm.operands[i].type == ARM_OP_MEM)
      bits |= static_cast<uint16_t>(reg_bit(arm.operands[i].mem.base) | reg_bit(arm.operands[i].mem.index));
  return bits;
}

bool has_index_register(const cs_arm& arm) {
  for (unsigned i = 0; i < arm.op_count; ++i)
    if (arm.operands[i].type == ARM_OP_MEM && arm.operands[i].mem.index != ARM_REG_INVALID) return true;
  return false;
}

Kind classify(const cs_insn& insn) {
  switch (insn.id) {
    case ARM_INS_B: case ARM_INS_BX: case ARM_INS_BLX: return Kind::Branch;
    case ARM_INS_BL: return Kind::Call;
    case ARM_INS_TBB: case ARM_INS_TBH: return Kind::TableBranch;
    case ARM_INS_CBZ: case ARM_INS_CBNZ: return Kind::Compare0Branch;
    case ARM_INS_MUL: return Kind::Multiply;
    case ARM_INS_UMULL: case ARM_INS_SMULL: return Kind::MultiplyLong;
    case ARM_INS_UMLAL: case ARM_INS_SMLAL: case ARM_INS_UMAAL: return Kind::MultiplyLongAcc;
    case ARM_INS_MLA: case ARM_INS_MLS: return Kind::Mac;
    case ARM_INS_SMLAD: case ARM_INS_SMLADX: case ARM_INS_SMLSD: case ARM_INS_SMLSDX: case ARM_INS_SMLABB:
    case ARM_INS_SMLABT: case ARM_INS_SMLATB: case ARM_INS_SMLATT: case ARM_INS_SMLAWB: case ARM_INS_SMLAWT:
    case ARM_INS_SMUAD: case ARM_INS_SMUADX: case ARM_INS_SMUSD: case ARM_INS_SMUSDX: case ARM_INS_SMULBB:
    case ARM_INS_SMULBT: case ARM_INS_SMULTB: case ARM_INS_SMULTT: case ARM_INS_SMULWB: case ARM_INS_SMULWT:
    case ARM_INS_SMLALD: case ARM_INS_SMLALDX: case ARM_INS_SMLSLD: case ARM_INS_SMLSLDX: case ARM_INS_SMLALBB:
    case ARM_INS_SMLALBT: case ARM_INS_SMLALTB: case ARM_INS_SMLALTT: case ARM_INS_SMMLA: case ARM_INS_SMMLAR:
    case ARM_INS_SMMLS: case ARM_INS_SMMLSR: case ARM_INS_SMMUL: case ARM_INS_SMMULR:
      return Kind::Dsp;
    case ARM_INS_SDIV: case ARM_INS_UDIV: return Kind::Divide;
    case ARM_INS_LDR: case ARM_INS_LDRB: case ARM_INS_LDRH: case ARM_INS_LDRSB: case ARM_INS_LDRSH:
    case ARM_INS_LDREX: case ARM_INS_LDREXB: case ARM_INS_LDREXH: case ARM_INS_LDRT: case ARM_INS_LDRBT:
    case ARM_INS_LDRHT: case ARM_INS_LDRSBT: case ARM_INS_LDRSHT:
      return Kind::Load;
    case ARM_INS_STR: case ARM_INS_STRB: case ARM_INS_STRH: case ARM_INS_STREX: case ARM_INS_STREXB:
    case ARM_INS_STREXH: case ARM_INS_STRT: case ARM_INS_STRBT: case ARM_INS_STRHT:
      return has_index_register(insn.detail->arm) ? Kind::StoreReg : Kind::StoreImm;
    case ARM_INS_LDRD: case ARM_INS_STRD: case ARM_INS_LDREXD: case ARM_INS_STREXD: return Kind::LoadStoreDouble;
    case ARM_INS_POP: case ARM_INS_LDM: case ARM_INS_LDMDB: return Kind::LoadMultiple;
    case ARM_INS_PUSH: case ARM_INS_STM: case ARM_INS_STMDB: return Kind::StoreMultiple;
    case ARM_INS_MRS: case ARM_INS_MSR: case ARM_INS_ISB: case ARM_INS_DSB: case ARM_INS_DMB: case ARM_INS_CPS:
      return Kind::System;
    case ARM_INS_VLDR: case ARM_INS_VPOP: case ARM_INS_VLDMIA: case ARM_INS_VLDMDB: return Kind::FpuLoad;
    case ARM_INS_VSTR: case ARM_INS_VPUSH: case ARM_INS_VSTMIA: case ARM_INS_VSTMDB: return Kind::FpuStore;
    case ARM_INS_VMLA: case ARM_INS_VMLS: case ARM_INS_VFMA: case ARM_INS_VFMS: case ARM_INS_VNMLA:
    case ARM_INS_VNMLS: case ARM_INS_VFNMA: case ARM_INS_VFNMS:
      return Kind::FpuMac;
    case ARM_INS_VDIV: case ARM_INS_VSQRT: return Kind::FpuDivide;
    default:
      return insn.id >= ARM_INS_VABA && insn.id <= ARM_INS_VZIP ? Kind::Fpu : Kind::Alu;
  }
}

/// What the previous instruction of the block left behind for the next one.
struct Pipeline {
  bool after_load = false;      ///< a single LDR that the next LDR/STR can pipeline with
  uint16_t load_dest = 0;       ///< registers that LDR wrote
  uint16_t alu_written = 0;     ///< registers the previous data operation wrote
  bool paired = true;           ///< dual issue: the previous ALU op already has a partner
};

/// Cycles of one instruction in its block, P included for an unconditional PC
/// write. `exit` is set when it changes the PC, `conditional` when it may not.
uint32_t instruction_cycles(const cs_insn& insn, const CoreTiming& t, Pipeline& pipe, bool& exit, bool& conditional) {
  const cs_arm& arm = insn.detail->arm;
  const bool cond = arm.cc != ARM_CC_AL && arm.cc != ARM_CC_INVALID;
  const uint16_t writes = written_regs(arm);
  const bool pc_written = writes & (1u << 15);
  const Kind kind = classify(insn);
  const uint16_t address = address_regs(arm);
  uint32_t cycles = 0;
  exit = false;
  conditional = cond;
  auto at_least_one = [](uint32_t c) { return std::max<uint32_t>(1, c); };
  switch (kind) {
    case Kind::Alu: cycles = t.alu; break;
    case Kind::Multiply: cycles = t.multiply; break;
    case Kind::MultiplyLong: cycles = at_least_one(t.multiply_long); break;
    case Kind::MultiplyLongAcc: cycles = at_least_one(t.multiply_long_acc); break;
    case Kind::Mac: cycles = at_least_one(t.mac); break;
    case Kind::Dsp: cycles = at_least_one(t.dsp); break;
    case Kind::Divide: cycles = at_least_one(t.divide_min); break;  // operand-dependent rest: Machine's divide hook
    case Kind::Load: cycles = t.load; break;
    case Kind::StoreImm: cycles = t.store_imm; break;
    case Kind::StoreReg: cycles = t.store_reg; break;
    case Kind::LoadStoreDouble: cycles = at_least_one(t.load_store_double); break;
    case Kind::LoadMultiple: cycles = t.multiple_base + register_count(arm, insn.id != ARM_INS_POP); break;
    case Kind::StoreMultiple: cycles = t.multiple_base + register_count(arm, insn.id != ARM_INS_PUSH); break;
    case Kind::FpuLoad:
    case Kind::FpuStore: {
      const bool list = insn.id != ARM_INS_VLDR && insn.id != ARM_INS_VSTR;
      cycles = list ? t.multiple_base + register_count(arm, insn.id != ARM_INS_VPUSH && insn.id != ARM_INS_VPOP)
                    : t.load;
      break;
    }
    case Kind::Fpu: cycles = at_least_one(t.fpu); break;
    case Kind::FpuMac: cycles = at_least_one(t.fpu_mac); break;
    case Kind::FpuDivide: cycles = at_least_one(t.fpu_divide); break;
    case Kind::System: cycles = t.system; break;
    case Kind::Branch: cycles = t.branch; break;
    case Kind::Call: cycles = t.call; break;
    case Kind::TableBranch: cycles = t.load; break;
    case Kind::Compare0Branch: cycles = t.branch; conditional = true; break;
  }
  const bool single_access = kind == Kind::Load || kind == Kind::StoreImm || kind == Kind::StoreReg;
  // Armv7-M "Load/store timings": an LDR/STR right after an LDR whose result it does
  // not use for its address overlaps it by one cycle.
  if (t.load_pipelining && single_access && pipe.after_load && !(address & pipe.load_dest) && cycles > 1) --cycles;
  // An address computed by the data operation just before stalls one cycle (no forwarding).
  const bool memory = single_access || kind == Kind::LoadStoreDouble || kind == Kind::LoadMultiple ||
                      kind == Kind::StoreMultiple || kind == Kind::FpuLoad || kind == Kind::FpuStore;
  if (t.address_interlock && memory && (address & pipe.alu_written)) ++cycles;
  const bool data_op = kind == Kind::Alu || kind == Kind::Multiply || kind == Kind::Mac || kind == Kind::Dsp ||
                       kind == Kind::MultiplyLong || kind == Kind::MultiplyLongAcc;
  // M7 (coarse): the second of two adjacent ALU ops issues with the first.
  if (t.dual_issue && kind == Kind::Alu && !pc_written) {
    if (!pipe.paired) {
      cycles = 0;
      pipe.paired = true;
    } else {
      pipe.paired = false;
    }
  } else {
    pipe.paired = true;
  }
  const bool branch = kind == Kind::Branch || kind == Kind::Call || kind == Kind::TableBranch ||
                      kind == Kind::Compare0Branch;
  pipe.after_load = kind == Kind::Load && !pc_written;
  pipe.load_dest = kind == Kind::Load ? writes : 0;
  pipe.alu_written = data_op ? writes : 0;
  if (branch || pc_written) {
    exit = true;
    const bool load = kind == Kind::Load || kind == Kind::LoadMultiple;
    if (!conditional) cycles += load ? t.load_pc_refill : t.refill;
  }
  return cycles;
}

/// Keeps BlockCost::divide_reg on the last unconditional divide whose quotient
/// register is not written again later in the block.
void track_divide(const cs_insn& insn, BlockCost& cost) {
  const cs_arm& arm = insn.detail->arm;
  const bool divide = insn.id == ARM_INS_SDIV || insn.id == ARM_INS_UDIV;
  if (cost.divide_reg && (written_regs(arm) & (1u << (cost.divide_reg - 1)))) cost.divide_reg = 0;
  if (!divide || (arm.cc != ARM_CC_AL && arm.cc != ARM_CC_INVALID) || arm.operands[0].type != ARM_OP_REG) return;
  const unsigned reg = arm.operands[0].reg;
  if (reg < ARM_REG_R0 || reg > ARM_REG_R12) return;
  cost.divide_reg = static_cast<uint8_t>(reg - ARM_REG_R0 + 1);
  cost.divide_signed = insn.id == ARM_INS_SDIV;
}

}  // namespace

CycleModel::CycleModel(CoreKind core, const CoreOptions& options) : core_(core), timing_(core_timing(core)) {
  if (options.iterative_multiplier) timing_.multiply = kIterativeMultiply;
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
  regions_.push_back({origin, size, nullptr, {}});
  hot_ = nullptr;
}

BlockCost CycleModel::cost_of(uint32_t address, const uint8_t* code, uint16_t bytes,
                               BlockAccesses* accesses) const {
  BlockCost cost;
  cost.bytes = bytes;
  if (!capstone_) return cost;
  // Armv6-M faults on every unaligned access: the machine checks those with its own hook.
  AccessTracker tracker(core_ != CoreKind::CortexM0Plus, core_has_dsp(core_));
  cs_insn* insn = cs_malloc(capstone_);
  const uint8_t* at = code;
  size_t left = bytes;
  uint64_t pc = address;
  bool exit = false, conditional = false;
  Pipeline pipe;
  while (left > 0) {
    if (!cs_disasm_iter(capstone_, &at, &left, &pc, insn)) {
      // Undecodable (an undefined instruction ends the block): one cycle per halfword.
      cost.cycles += 1;
      cost.instructions += 1;
      at += 2;
      left = left >= 2 ? left - 2 : 0;
      pc += 2;
      exit = false;
      pipe = Pipeline{};
      tracker.forget();
      continue;
    }
    cost.cycles += instruction_cycles(*insn, timing_, pipe, exit, conditional);
    cost.instructions += 1;
    track_divide(*insn, cost);
    tracker.step(*insn);
  }
  cs_free(insn, 1);
  BlockAccesses found = tracker.finish();
  cost.checks = found.checks;
  if (accesses) *accesses = std::move(found);
  if (exit && conditional) {
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
    const uint32_t halfword = (address - region.origin) >> 1;
    BlockCost& slot = region.table.get()[halfword];
    BlockAccesses accesses;
    slot = cost_of(address, code, bytes, &accesses);
    if (slot.checks) {
      if (region.accesses.empty()) region.accesses.assign(region.size / 2, 0);
      accesses_.push_back(std::move(accesses));
      region.accesses[halfword] = static_cast<uint32_t>(accesses_.size());
    } else if (!region.accesses.empty()) {
      region.accesses[halfword] = 0;
    }
    slot.checks = armed(slot.checks);
    return slot;
  }
  uncached_ = cost_of(address, code, bytes);
  uncached_.checks = 0;  // outside every code region: nothing to keep the accesses with
  return uncached_;
}

void CycleModel::arm_unaligned_trap(bool on) {
  armed_ = static_cast<uint8_t>(on ? armed_ | kCheckUnalignTrap : armed_ & ~kCheckUnalignTrap);
  for (auto& region : regions_)
    for (size_t halfword = 0; halfword < region.accesses.size(); ++halfword)
      if (const uint32_t index = region.accesses[halfword])
        region.table.get()[halfword].checks = armed(accesses_[index - 1].checks);
}

BlockAccesses* CycleModel::accesses_at(uint32_t address) {
  for (auto& region : regions_) {
    if (address - region.origin >= region.size) continue;
    const uint32_t halfword = (address - region.origin) >> 1;
    if (region.accesses.empty() || !region.accesses[halfword]) return nullptr;
    return &accesses_[region.accesses[halfword] - 1];
  }
  return nullptr;
}

}  // namespace tinysim
