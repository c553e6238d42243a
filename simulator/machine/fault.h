#pragma once
// What went wrong in a run, said so a firmware engineer can act on it.
#include <cstdint>
#include <string>
#include <vector>

namespace tinysim {

/// The kinds of run failure TinySim reports.
enum class FaultKind {
  UnmappedAccess,      ///< read/write/fetch outside every flash, SRAM and peripheral
  FlashWrite,          ///< store to flash
  UndefinedInstruction,///< e.g. DSP code on a Cortex-M0+
  UsageFault,          ///< unaligned access, invalid state, coprocessor, stack limit
  HardFault,           ///< other CPU exceptions, bad vector, exception frame outside RAM
  StackOverflow,       ///< SP went below the end of .data/.bss
  Budget,              ///< cycle or instruction budget used up (firmware never finished)
  SleptForever,        ///< WFI/WFE with nothing left that could wake the core
};

/// "unmapped access", "write to flash", ...
std::string fault_kind_name(FaultKind kind);

/// A fault with its location; `message` is the full sentence.
struct Fault {
  FaultKind kind = FaultKind::HardFault;
  std::string message;         ///< e.g. "write of 4 bytes to 0x20020004, 4 bytes past the end of ..."
  uint32_t pc = 0;             ///< exact instruction when known (see pc_exact)
  bool pc_exact = false;
  std::string function;        ///< "tinyrt::conv2d_s8+0x1c"
  std::vector<std::string> backtrace;  ///< callers, innermost first ("main+0x12")
  uint32_t address = 0;        ///< data address for memory faults
  unsigned size = 0;

  /// message + "\n  backtrace: a <- b <- c" when there is one.
  std::string describe() const;
};

}  // namespace tinysim
