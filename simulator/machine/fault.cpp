#include "machine/fault.h"

namespace tinysim {

std::string fault_kind_name(FaultKind kind) {
  switch (kind) {
    case FaultKind::UnmappedAccess: return "unmapped access";
    case FaultKind::FlashWrite: return "write to flash";
    case FaultKind::UndefinedInstruction: return "undefined instruction";
    case FaultKind::UsageFault: return "usage fault";
    case FaultKind::HardFault: return "hard fault";
    case FaultKind::StackOverflow: return "stack overflow";
    case FaultKind::Budget: return "budget exhausted";
    case FaultKind::SleptForever: return "slept forever";
  }
  return "fault";
}

std::string Fault::describe() const {
  std::string out = message;
  if (!backtrace.empty()) {
    out += "\n  called from: ";
    for (size_t i = 0; i < backtrace.size(); ++i) out += (i ? " <- " : "") + backtrace[i];
  }
  return out;
}

}  // namespace tinysim
