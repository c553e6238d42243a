#include "cost/block_accesses.h"

#include <capstone/capstone.h>

namespace tinysim {
namespace {

constexpr unsigned kSp = 13, kPc = 15, kNoReg = 16;

/// r0-r12 -> 0-12, SP 13, LR 14, PC 15; anything else (FPU, APSR, none) kNoReg.
unsigned reg_number(unsigned reg) {
  if (reg >= ARM_REG_R0 && reg <= ARM_REG_R12) return reg - ARM_REG_R0;
  if (reg == ARM_REG_SP) return kSp;
  if (reg == ARM_REG_LR) return 14;
  if (reg == ARM_REG_PC) return kPc;
  return kNoReg;
}

/// Registers the instruction writes, the implicit ones too (LR of BL, SP of PUSH).
uint16_t written_regs(const cs_insn& insn) {
  const cs_arm& arm = insn.detail->arm;
  uint16_t bits = 0;
  for (unsigned i = 0; i < insn.detail->regs_write_count; ++i) {
    const unsigned n = reg_number(insn.detail->regs_write[i]);
    if (n < kNoReg) bits = static_cast<uint16_t>(bits | (1u << n));
  }
  for (unsigned i = 0; i < arm.op_count; ++i) {
    const cs_arm_op& op = arm.operands[i];
    unsigned n = kNoReg;
    if (op.type == ARM_OP_REG && (op.access & CS_AC_WRITE)) n = reg_number(op.reg);
    if (op.type == ARM_OP_MEM && arm.writeback) n = reg_number(op.mem.base);
    if (n < kNoReg) bits = static_cast<uint16_t>(bits | (1u << n));
  }
  return bits;
}

/// Bytes of one register of a list (S 4, D 8, core 4).
unsigned list_register_bytes(unsigned reg) { return reg >= ARM_REG_D0 && reg <= ARM_REG_D31 ? 8 : 4; }

/// Registers in an LDM/STM/VLDM/VSTM list (operand 0 is the base) and their bytes.
unsigned list_bytes(const cs_arm& arm) {
  unsigned bytes = 0;
  for (unsigned i = 1; i < arm.op_count; ++i)
    if (arm.operands[i].type == ARM_OP_REG) bytes += list_register_bytes(arm.operands[i].reg);
  return bytes;
}

const cs_arm_op* memory_operand(const cs_arm& arm) {
  for (unsigned i = 0; i < arm.op_count; ++i)
    if (arm.operands[i].type == ARM_OP_MEM) return &arm.operands[i];
  return nullptr;
}

/// The PC a Thumb instruction at `address` reads: + 4, word-aligned for literals and ADR.
int32_t pc_value(uint32_t address, bool aligned) {
  const uint32_t pc = address + 4u;
  return static_cast<int32_t>(aligned ? pc & ~3u : pc);
}

struct Shape {
  unsigned bytes = 0;  ///< 0: not a load/store the tracker records
  unsigned align = 1;
  bool load = false;
  bool list = false;        ///< LDM/STM/VLDM/VSTM: base in operand 0
  bool descending = false;  ///< ...DB: the registers sit below the base
};

Shape shape_of(const cs_insn& insn) {
  const cs_arm& arm = insn.detail->arm;
  switch (insn.id) {
    // Armv7-M ARM A3.2.1: unaligned LDR/STR/LDRH/STRH (and T, S forms, TBH) work
    // unless CCR.UNALIGN_TRP is set (the tracker gives them trap_align).
    case ARM_INS_LDR: case ARM_INS_LDRT: return {4, 1, true};
    case ARM_INS_STR: case ARM_INS_STRT: return {4, 1, false};
    case ARM_INS_STRH: case ARM_INS_STRHT: return {2, 1, false};
    case ARM_INS_LDRH: case ARM_INS_LDRSH: case ARM_INS_LDRHT: case ARM_INS_LDRSHT: case ARM_INS_TBH:
      return {2, 1, true};
    case ARM_INS_LDRB: case ARM_INS_LDRSB: case ARM_INS_LDRBT: case ARM_INS_LDRSBT: case ARM_INS_TBB:
    case ARM_INS_LDREXB:
      return {1, 1, true};
    // Armv7-M ARM A3.2.1: these fault unless word (halfword) aligned, whatever CCR says.
    case ARM_INS_LDREX: return {4, 4, true};
    case ARM_INS_LDREXH: return {2, 2, true};
    case ARM_INS_STREX: return {4, 4, false};
    case ARM_INS_STREXH: return {2, 2, false};
    case ARM_INS_LDRD: return {8, 4, true};
    case ARM_INS_STRD: return {8, 4, false};
    case ARM_INS_LDM: return {list_bytes(arm), 4, true, true};
    case ARM_INS_LDMDB: return {list_bytes(arm), 4, true, true, true};
    case ARM_INS_STM: return {list_bytes(arm), 4, false, true};
    case ARM_INS_STMDB: return {list_bytes(arm), 4, false, true, true};
    case ARM_INS_VLDMIA: return {list_bytes(arm), 4, true, true};
    case ARM_INS_VLDMDB: return {list_bytes(arm), 4, true, true, true};
    case ARM_INS_VSTMIA: return {list_bytes(arm), 4, false, true};
    case ARM_INS_VSTMDB: return {list_bytes(arm), 4, false, true, true};
    case ARM_INS_VLDR: return {list_register_bytes(arm.operands[0].reg), 4, true};
    case ARM_INS_VSTR: return {list_register_bytes(arm.operands[0].reg), 4, false};
    default: return {};  // PUSH/POP/VPUSH/VPOP: SP-based, always aligned and in SRAM
  }
}

}  // namespace

AccessTracker::AccessTracker(bool align_faults, bool has_fpu) : align_faults_(align_faults), has_fpu_(has_fpu) {
  for (unsigned r = 0; r < 16; ++r) regs_[r] = {static_cast<uint8_t>(r), 0};
}

void AccessTracker::forget() {
  for (auto& value : regs_) value = Value{};
  deferred_.clear();
}

void AccessTracker::step(const cs_insn& insn) {
  const cs_arm& arm = insn.detail->arm;
  const std::string text = std::string(insn.mnemonic) + " " + insn.op_str;
  if (has_fpu_ && !(out_.checks & kCheckFpu) && insn.mnemonic[0] == 'v') {  // every V* is an FPU instruction on M
    out_.checks |= kCheckFpu;
    out_.fpu_pc = static_cast<uint32_t>(insn.address);
    out_.fpu_text = text;
  }
  const Shape shape = shape_of(insn);
  // A conditional access may not happen: not recorded (docs/cost-models.md).
  const bool conditional = arm.cc != ARM_CC_AL && arm.cc != ARM_CC_INVALID;
  const unsigned align = align_faults_ ? shape.align : 1u;
  const bool word_or_half = shape.bytes == 4 || shape.bytes == 2;
  const unsigned trap_align = align_faults_ && shape.align == 1 && !shape.list && word_or_half ? shape.bytes : 1u;
  if (shape.bytes && !conditional && (shape.load || align > 1 || trap_align > 1)) {
    MemoryAccess a;
    a.pc = static_cast<uint32_t>(insn.address);
    a.bytes = static_cast<uint8_t>(shape.bytes);
    a.align = static_cast<uint8_t>(align);
    a.trap_align = static_cast<uint8_t>(trap_align);
    a.load = shape.load;
    a.text = text;
    const cs_arm_op* mem = memory_operand(arm);
    const unsigned base = reg_number(shape.list ? arm.operands[0].reg : mem ? mem->mem.base : ARM_REG_INVALID);
    const unsigned index = mem ? reg_number(mem->mem.index) : kNoReg;
    a.shift = mem && index < kNoReg ? static_cast<uint8_t>(mem->shift.value) : 0;
    a.offset = mem ? mem->mem.disp : shape.descending ? -static_cast<int32_t>(shape.bytes) : 0;
    if (base != kSp && base < kNoReg) record(std::move(a), base, index);
  }
  update(insn, written_regs(insn));
}

void AccessTracker::record(MemoryAccess a, unsigned base, unsigned index) {
  const bool table_branch = a.text[0] == 't';  // TBB/TBH read from PC + 4, not word-aligned
  const Value b = base == kPc ? Value{Value::kConstant, pc_value(a.pc, !table_branch)} : regs_[base];
  const Value i = index < kNoReg ? regs_[index] : Value{Value::kConstant, 0};
  if (b.origin == Value::kUnknown || i.origin == Value::kUnknown) {
    // Known only as the block ends, if nothing writes these registers after it.
    a.base = static_cast<uint8_t>(base);
    a.index = index < kNoReg ? static_cast<uint8_t>(index) : MemoryAccess::kNone;
    a.at_exit = true;
    const uint16_t regs = static_cast<uint16_t>((1u << base) | (index < kNoReg ? 1u << index : 0u));
    deferred_.push_back({std::move(a), regs});
    return;
  }
  // address = b.origin + b.delta + disp + ((i.origin + i.delta) << shift)
  a.offset += b.delta + static_cast<int32_t>(static_cast<uint32_t>(i.delta) << a.shift);
  a.base = b.origin == Value::kConstant ? MemoryAccess::kNone : b.origin;
  a.index = i.origin == Value::kConstant ? MemoryAccess::kNone : i.origin;
  out_.accesses.push_back(std::move(a));
}

void AccessTracker::update(const cs_insn& insn, uint16_t written) {
  if (!written) return;
  const cs_arm& arm = insn.detail->arm;
  const cs_arm_op* ops = arm.operands;
  const bool conditional = arm.cc != ARM_CC_AL && arm.cc != ARM_CC_INVALID;
  auto value_of = [&](unsigned reg) {
    const unsigned n = reg_number(reg);
    return n == kPc ? Value{Value::kConstant, pc_value(static_cast<uint32_t>(insn.address), true)}
                    : n < kNoReg ? regs_[n] : Value{};
  };
  auto plus = [](Value v, int64_t amount) {
    v.delta = static_cast<int32_t>(static_cast<uint32_t>(v.delta) + static_cast<uint32_t>(amount));
    return v;
  };
  // The one register whose new value is followed: rd of ADD/SUB #imm, MOV, MOVW/MOVT
  // (pointer arithmetic and constants), or the base a load/store writes back.
  unsigned target = kNoReg;
  Value result;
  int64_t step = 0;  ///< target = target + step (an increment), else 0 with step_known false
  bool step_known = false;
  if (!conditional && arm.op_count > 0 && ops[0].type == ARM_OP_REG) {
    const bool subtract = insn.id == ARM_INS_SUB || insn.id == ARM_INS_SUBW;
    switch (insn.id) {
      case ARM_INS_ADD: case ARM_INS_ADDW: case ARM_INS_SUB: case ARM_INS_SUBW: {
        const bool three = arm.op_count == 3 && ops[1].type == ARM_OP_REG && ops[2].type == ARM_OP_IMM;
        const bool two = arm.op_count == 2 && ops[1].type == ARM_OP_IMM;
        if (!three && !two) break;
        const unsigned source = three ? ops[1].reg : ops[0].reg;
        const int64_t imm = three ? ops[2].imm : ops[1].imm;
        result = plus(value_of(source), subtract ? -imm : imm);
        step = subtract ? -imm : imm;
        step_known = source == static_cast<unsigned>(ops[0].reg);
        target = reg_number(ops[0].reg);
        break;
      }
      case ARM_INS_MOV: case ARM_INS_MOVW:
        if (arm.op_count == 2 && ops[1].type == ARM_OP_IMM) result = {Value::kConstant, ops[1].imm};
        if (arm.op_count == 2 && ops[1].type == ARM_OP_REG && ops[1].shift.type == ARM_SFT_INVALID)
          result = value_of(ops[1].reg);
        target = reg_number(ops[0].reg);
        break;
      case ARM_INS_MOVT: {
        const Value low = value_of(ops[0].reg);
        if (low.origin == Value::kConstant && arm.op_count == 2 && ops[1].type == ARM_OP_IMM)
          result = {Value::kConstant, static_cast<int32_t>((static_cast<uint32_t>(low.delta) & 0xFFFFu) |
                                                           (static_cast<uint32_t>(ops[1].imm) << 16))};
        target = reg_number(ops[0].reg);
        break;
      }
      default:
        break;
    }
  }
  if (!conditional && arm.writeback && target == kNoReg) {
    const Shape shape = shape_of(insn);
    const cs_arm_op* mem = memory_operand(arm);
    const unsigned base = shape.list ? ops[0].reg : mem ? mem->mem.base : ARM_REG_INVALID;
    step = shape.list ? (shape.descending ? -int64_t(shape.bytes) : shape.bytes) : mem ? mem->mem.disp : 0;
    for (unsigned k = 0; k < arm.op_count && !shape.list; ++k)
      if (ops[k].type == ARM_OP_IMM) step = ops[k].imm;  // post-indexed [rn], #imm (else pre-indexed [rn, #imm]!)
    step_known = shape.list || mem;
    target = reg_number(base);
    result = plus(value_of(base), step);
  }
  // A deferred access survives an increment of its base (its address is then the
  // base at the end minus the increments); any other write loses it.
  for (size_t k = deferred_.size(); k-- > 0;) {
    Deferred& d = deferred_[k];
    if (!(d.regs & written)) continue;
    const bool only_base_stepped = step_known && target < kNoReg && (written & d.regs) == (1u << target) &&
                                   d.access.base == target && d.access.index != target;
    if (only_base_stepped) d.access.offset = static_cast<int32_t>(static_cast<uint32_t>(d.access.offset) -
                                                                  static_cast<uint32_t>(step));
    else deferred_.erase(deferred_.begin() + static_cast<std::ptrdiff_t>(k));
  }
  for (unsigned r = 0; r < 16; ++r)
    if (written & (1u << r)) regs_[r] = Value{};
  if (target < kNoReg && (written & (1u << target))) regs_[target] = result;
}

BlockAccesses AccessTracker::finish() {
  for (auto& d : deferred_) out_.accesses.push_back(std::move(d.access));
  deferred_.clear();
  for (const auto& a : out_.accesses) {
    const bool always = a.load || a.align > 1;  // checked whatever CCR says
    out_.must_align |= a.align > 1;
    out_.has_exit |= a.at_exit && always;
    out_.trap_exit |= a.at_exit && a.trap_align > 1;
    if (always) out_.checks |= kCheckAccesses;
    if (a.trap_align > 1) out_.checks |= kCheckUnalignTrap;
  }
  return std::move(out_);
}

}  // namespace tinysim
