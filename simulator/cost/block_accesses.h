#pragma once
// What a block's hook must look at besides its cycles, worked out once when the
// block is decoded: its loads whose address may be flash (priced with the flash
// wait states), its accesses the core faults on when unaligned, and its first FPU
// instruction (a UsageFault NOCP while CPACR keeps the FPU off).
#include <cstdint>
#include <string>
#include <vector>

struct cs_insn;

namespace tinysim {

/// BlockCost::checks bits: the block's hook has more to do than charge cycles.
enum BlockCheck : uint8_t {
  kCheckAccesses = 1,  ///< loads that may read flash, or accesses that must be aligned
  kCheckFpu = 2,       ///< an FPU instruction: CP10/CP11 must be enabled in CPACR
  /// word or halfword accesses: must be aligned while CCR.UNALIGN_TRP is set, so the
  /// machine arms this bit only then (CycleModel::arm_unaligned_trap)
  kCheckUnalignTrap = 4,
};

/// One load or store whose address the machine computes from the registers:
/// address = reg(base) + offset + (reg(index) << shift), with the registers as the
/// block starts (or, for `at_exit`, as it ends); without a base the offset is the
/// address (a literal pool or table branch read from the PC).
struct MemoryAccess {
  static constexpr uint8_t kNone = 0xFF;
  uint32_t pc = 0;        ///< the instruction
  int32_t offset = 0;
  uint8_t base = kNone;   ///< r0-r12, r14 (0-14)
  uint8_t index = kNone;
  uint8_t shift = 0;
  uint8_t bytes = 0;      ///< bytes transferred (LDM: 4 per register, VLDR d: 8)
  uint8_t align = 1;      ///< the core faults unless address % align == 0 (1: never)
  uint8_t trap_align = 1; ///< the same while CCR.UNALIGN_TRP is set (LDR/STR 4, LDRH/STRH 2)
  bool load = false;
  bool at_exit = false;   ///< base/index changed before the access in a way not followed, and not after it
  std::string text;       ///< "ldrd r2, r3, [r1]" for fault messages
};

/// A block's accesses and FPU use, with the run-time verdict the machine keeps.
struct BlockAccesses {
  uint8_t checks = 0;                  ///< BlockCheck bits as decoded
  std::vector<MemoryAccess> accesses;  ///< in program order
  uint32_t fpu_pc = 0;                 ///< first FPU instruction (kCheckFpu)
  std::string fpu_text;
  bool must_align = false;             ///< an access the core faults on when unaligned
  bool has_exit = false;               ///< a load or must-align access known only at the block's end
  bool trap_exit = false;              ///< a trap_align access known only at the block's end
  bool read_flash = false;             ///< the machine saw a load of this block read flash
};

/// Follows one block's instructions in order and records its accesses.
class AccessTracker {
 public:
  /// `align_faults`: the core faults on unaligned LDRD/LDM/LDREX/VLDR... (Armv7-M,
  /// Armv8-M Mainline), and on unaligned LDR/STR/LDRH/STRH when CCR.UNALIGN_TRP is
  /// set; `has_fpu`: FPU instructions are checked against CPACR.
  AccessTracker(bool align_faults, bool has_fpu);
  void step(const cs_insn& insn);
  /// Any instruction capstone could not decode: every register is unknown after it.
  void forget();
  BlockAccesses finish();

 private:
  /// What a register holds relative to the block's start: reg(origin) + delta,
  /// a constant (origin kConstant), or unknown.
  struct Value {
    static constexpr uint8_t kUnknown = 0xFE, kConstant = 0xFD;
    uint8_t origin = kUnknown;
    int32_t delta = 0;
  };
  /// An access whose registers changed untracked before it: usable at the block's end
  /// if they do not change again.
  struct Deferred {
    MemoryAccess access;
    uint16_t regs;
  };
  /// Records `a` (pc, size, alignment, text, disp and shift filled in) addressed
  /// through `base` and `index` (register numbers, 16 for none).
  void record(MemoryAccess a, unsigned base, unsigned index);
  void update(const cs_insn& insn, uint16_t written);

  bool align_faults_, has_fpu_;
  Value regs_[16];
  BlockAccesses out_;
  std::vector<Deferred> deferred_;
};

}  // namespace tinysim
