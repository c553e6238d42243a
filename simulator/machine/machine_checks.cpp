// The block hook's checks decoded with each block (cost/block_accesses.h): loads
// from flash pay the wait states, accesses the core faults on when unaligned (LDR/STR
// and LDRH/STRH too while CCR.UNALIGN_TRP is set) and
// FPU instructions with CP10/CP11 off in CPACR stop the run as the chip would.
#include "core/format_number.h"
#include "machine/machine.h"

namespace tinysim {
namespace {

/// CP10 and CP11 both grant privileged or full access (Armv7-M ARM B3.2.20).
bool fpu_enabled(uint32_t cpacr) {
  const uint32_t cp10 = (cpacr >> 20) & 3u, cp11 = (cpacr >> 22) & 3u;
  return (cp10 == 1u || cp10 == 3u) && (cp11 == 1u || cp11 == 3u);
}

int unicorn_register(unsigned number) {
  return number < 13 ? UC_ARM_REG_R0 + static_cast<int>(number) : number == 13 ? UC_ARM_REG_SP : UC_ARM_REG_LR;
}

}  // namespace

bool Machine::check_block(BlockCost& cost, uint32_t pc) {
  BlockAccesses* block = model_.accesses_at(pc);
  if (!block) {
    cost.checks = 0;
    return true;
  }
  if ((cost.checks & kCheckFpu) && !fpu_enabled(scs_.cpacr())) {
    fault_at(FaultKind::UsageFault,
             "FPU instruction '" + block->fpu_text + "' with the FPU off: CPACR (0xE000ED88) is " +
                 format_hex32(scs_.cpacr()) +
                 ", CP10/CP11 not enabled (a UsageFault NOCP on the chip); enable them before the first FPU "
                 "instruction, e.g. in the reset handler: CPACR |= 0xF << 20, then DSB and ISB;",
             block->fpu_pc, true);
    return false;
  }
  bool read_flash = false;
  constexpr uint8_t kAccessChecks = kCheckAccesses | kCheckUnalignTrap;
  if ((cost.checks & kAccessChecks) && !check_accesses(*block, false, read_flash)) return false;
  block->read_flash |= read_flash;
  // With UNALIGN_TRP set, a block's word and halfword accesses are checked every time.
  const bool trap = cost.checks & kCheckUnalignTrap;
  const bool trustable = !block->read_flash && !block->must_align && !trap;
  const bool exit = block->has_exit || (trap && block->trap_exit);
  if (exit && (cost.checks & kAccessChecks)) exit_check_ = ExitCheck{&cost, block, pc, trustable};
  else if (trustable) trust(cost, pc, *block);
  return true;
}

bool Machine::check_block_exit() {
  const ExitCheck check = *exit_check_;
  exit_check_.reset();
  bool read_flash = false;
  if (!check_accesses(*check.block, true, read_flash)) return false;
  check.block->read_flash |= read_flash;
  if (check.trust && !check.block->read_flash) trust(*check.cost, check.pc, *check.block);
  return true;
}

bool Machine::check_accesses(const BlockAccesses& block, bool at_exit, bool& read_flash) {
  // The registers these accesses use, in one call.
  int ids[15];
  uint32_t values[15] = {};
  void* slots[15];
  unsigned count = 0;
  uint8_t slot_of[15] = {};
  uint16_t wanted = 0;
  // Word and halfword stores are there for CCR.UNALIGN_TRP only.
  auto wanted_now = [&](const MemoryAccess& a) {
    return a.at_exit == at_exit && (a.load || a.align > 1 || (unaligned_trap_ && a.trap_align > 1));
  };
  for (const MemoryAccess& a : block.accesses) {
    if (!wanted_now(a)) continue;
    for (uint8_t reg : {a.base, a.index})
      if (reg != MemoryAccess::kNone && !(wanted & (1u << reg))) {
        wanted = static_cast<uint16_t>(wanted | (1u << reg));
        slot_of[reg] = static_cast<uint8_t>(count);
        ids[count] = unicorn_register(reg);
        slots[count] = &values[count];
        ++count;
      }
  }
  if (count) uc_reg_read_batch(engine_.get(), ids, slots, static_cast<int>(count));
  const bool price = flash_.active();
  for (const MemoryAccess& a : block.accesses) {
    if (!wanted_now(a)) continue;
    uint32_t address = static_cast<uint32_t>(a.offset);
    if (a.base != MemoryAccess::kNone) address += values[slot_of[a.base]];
    if (a.index != MemoryAccess::kNone) address += values[slot_of[a.index]] << a.shift;
    if (address % a.align || (unaligned_trap_ && address % a.trap_align)) {
      unaligned_fault(a, address);
      return false;
    }
    if (!a.load || !price || !flash_.contains(address)) continue;
    // Each word of the read goes through the accelerator: a line it does not hold costs the wait states.
    read_flash = true;
    for (uint32_t word = address & ~3u; word < address + a.bytes; word += 4)
      if (flash_.contains(word)) cycles_ += flash_.read(word);
  }
  return true;
}

void Machine::unaligned_fault(const MemoryAccess& a, uint32_t address) {
  const std::string why =
      address % a.align ? " faults on an unaligned LDRD/STRD, LDM/STM, LDREX/STREX and VLDR/VSTR/VLDM/VSTM whatever "
                          "CCR.UNALIGN_TRP says: UsageFault UNALIGNED, Armv7-M ARM A3.2.1)"
                        : " faults on an unaligned LDR/STR and LDRH/STRH because CCR.UNALIGN_TRP is set: UsageFault "
                          "UNALIGNED, Armv7-M ARM A3.2.1 and B3.2.8)";
  fault_at(FaultKind::UsageFault,
           std::string("unaligned ") + (a.load ? "read" : "write") + " of " + std::to_string(a.bytes) + " bytes " +
               (a.load ? "from " : "to ") + format_hex32(address) + " by '" + a.text + "' (" + core_name(device_.core) +
               why,
           a.pc, true);
  fault_->address = address;
  fault_->size = a.bytes;
}

void Machine::trust(BlockCost& cost, uint32_t pc, const BlockAccesses& block) {
  cost.checks = 0;
  trusted_.push_back({&cost, &block, pc});
}

void Machine::rearm_checks() {
  if (scs_.unaligned_trap() != unaligned_trap_) {  // a CCR write ended the last slice
    unaligned_trap_ = scs_.unaligned_trap();
    model_.arm_unaligned_trap(unaligned_trap_);
  }
  for (const Trusted& t : trusted_)
    if (model_.accesses_at(t.pc) == t.block) t.cost->checks = model_.armed(t.block->checks);
  trusted_.clear();
}

}  // namespace tinysim
