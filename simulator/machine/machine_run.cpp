// The run loop, the hooks and the exception/fault handling of Machine.
#include <capstone/capstone.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "machine/exception_frame.h"
#include "machine/machine.h"

namespace tinysim {
namespace {

constexpr uint64_t kSliceCycles = 1u << 20;  ///< longest stretch between looks at the run state
constexpr uint16_t kWfi = 0xBF30, kWfe = 0xBF20, kBkptSemihost = 0xBEAB;

/// Exception entry and return latency in cycles, from the TRMs' "interrupt
/// latency" (M0+: 15, Armv7-M/Armv8-M Mainline: 12; return about 10-12).
uint32_t entry_cycles(CoreKind core) { return core == CoreKind::CortexM0Plus ? 15 : 12; }
uint32_t return_cycles(CoreKind core) { return core == CoreKind::CortexM0Plus ? 13 : 10; }
/// Saving or restoring s0-s15 and FPSCR: "a possible 17 cycles more" on entry and on
/// exit (Cortex-M4 TRM, via Arm knowledge article 103489845; the same figure is used
/// for the M7 and M33: ESTIMATE).
constexpr uint32_t kFpStateCycles = 17;

std::string hex32(uint32_t value) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%08x", value);
  return text;
}

const char* exception_name(unsigned n) {
  switch (n) {
    case kNmi: return "NMI";
    case kHardFault: return "HardFault";
    case kMemManage: return "MemManage";
    case kBusFault: return "BusFault";
    case kUsageFault: return "UsageFault";
    case kSvCall: return "SVCall";
    case kPendSv: return "PendSV";
    case kSysTick: return "SysTick";
    default: return n >= kFirstIrq ? "IRQ" : "reserved";
  }
}

std::string exception_label(unsigned n) {
  std::string out = exception_name(n);
  if (n >= kFirstIrq) out += " " + std::to_string(n - kFirstIrq);
  return out + " (exception " + std::to_string(n) + ")";
}

}  // namespace

std::string power_state_name(PowerState state) {
  switch (state) {
    case PowerState::Run: return "run";
    case PowerState::Sleep: return "sleep";
    case PowerState::DeepSleep: return "deep sleep";
  }
  return "?";
}

// ---------------------------------------------------------------- hooks

Status Machine::install_hooks() {
  uc_hook handle{};
  if (auto e = engine_.add_hook(handle, UC_HOOK_BLOCK, reinterpret_cast<void*>(&on_block), this)) return e;
  if (auto e = engine_.add_hook(handle, UC_HOOK_INTR, reinterpret_cast<void*>(&on_interrupt), this)) return e;
  if (auto e = engine_.add_hook(handle, UC_HOOK_MEM_UNMAPPED | UC_HOOK_MEM_PROT,
                                reinterpret_cast<void*>(&on_bad_memory), this))
    return e;
  if (auto e = engine_.add_hook(handle, UC_HOOK_INSN_INVALID, reinterpret_cast<void*>(&on_invalid_instruction), this))
    return e;
  // Unicorn's Cortex-M0 lets unaligned accesses through (docs/emulator.md). The check
  // costs a hook per load/store, so only the cores that fault on them pay it.
  if (device_.core == CoreKind::CortexM0Plus)
    if (auto e = engine_.add_hook(handle, UC_HOOK_MEM_READ | UC_HOOK_MEM_WRITE,
                                  reinterpret_cast<void*>(&on_armv6m_access), this))
      return e;
  return std::nullopt;
}

inline void Machine::charge_block(const BlockCost& cost, uint32_t pc, uint32_t size, uint32_t fetch_cycles) {
  cycles_ += cost.cycles + fetch_cycles;
  instructions_ += cost.instructions;
  previous_end_ = pc + size;
  previous_penalty_ = cost.taken_penalty;
  caller_block_pc_ = block_pc_;
  block_pc_ = pc;
}

/// Hot path: charge the block's cycles, or stop before it when the slice is over.
void Machine::on_block(uc_engine* uc, uint64_t address, uint32_t size, void* self) {
  auto* m = static_cast<Machine*>(self);
  const uint32_t pc = static_cast<uint32_t>(address);
  const uint32_t offset = pc - m->hot_table_.origin;
  // Checks only, no state changed, until every condition of the common case holds:
  // the block is cached with nothing to check or divide (hot_key), the slice goes on
  // and nothing is pending from the previous block (deadline_ 0), its flash lines are resident.
  if (__builtin_expect(offset >= m->hot_table_.size, 0)) return on_block_full(uc, address, size, self);
  BlockCost* cost = &m->hot_table_.table[offset >> 1];
  const uint64_t cycles = m->cycles_ + (pc != m->previous_end_ ? m->previous_penalty_ : 0u);
  if (__builtin_expect(cost->hot_key() != size || cycles >= m->deadline_, 0) ||
      !m->flash_.free_fetch(pc, size, cost->fetch_memo))
    return on_block_full(uc, address, size, self);
  m->cycles_ = cycles;
  m->charge_block(*cost, pc, size, 0);
}


void Machine::on_block_full(uc_engine* uc, uint64_t address, uint32_t size, void* self) {
  auto* m = static_cast<Machine*>(self);
  const uint32_t pc = static_cast<uint32_t>(address);
  // Work the previous block left for now, with the registers as it ended them: its
  // divide's time from the quotient (the block charged the fastest), its late accesses.
  if (m->divide_reg_) m->charge_divide();
  if (m->exit_check_ && !m->check_block_exit()) {
    uc_emu_stop(uc);
    return;
  }
  // The previous block ended in a conditional branch: taken if we are not right after it.
  // The penalty is overwritten at the end of every block, so only the stop path resets it.
  if (pc != m->previous_end_) m->cycles_ += m->previous_penalty_;
  if (__builtin_expect(m->cycles_ >= m->slice_end_, 0)) {
    // This block does not run now; its hook fires again on resume (UNICORN-NOTES trap 6).
    m->previous_end_ = pc;
    m->previous_penalty_ = 0;
    if (m->halt_ == Halt::None) m->halt_ = Halt::Slice;
    uc_emu_stop(uc);
    return;
  }
  const uint16_t bytes = static_cast<uint16_t>(size);
  // One bounds check and one load on the hot path: the table of the region code runs from.
  const uint32_t offset = pc - m->hot_table_.origin;
  BlockCost* cost = offset < m->hot_table_.size ? &m->hot_table_.table[offset >> 1] : nullptr;
  if (!cost || cost->bytes != bytes) cost = &m->block_cost_slow(pc, bytes);
  if (cost->checks && !m->check_block(*cost, pc)) {
    uc_emu_stop(uc);  // the faulting block does not run
    return;
  }
  m->charge_block(*cost, pc, size, m->flash_.fetch(pc, size, cost->fetch_memo));
  m->divide_reg_ = cost->divide_reg;
  m->divide_signed_ = cost->divide_signed;
  m->deadline_ = m->divide_reg_ || m->exit_check_ || m->trace_ ? 0 : m->slice_end_;
  if (m->trace_) m->trace_lines_[m->traced_++ % m->trace_lines_.size()] = {m->cycles_, pc};
}

void Machine::enable_trace(size_t blocks) {
  trace_ = blocks > 0;
  trace_lines_.assign(blocks, TraceLine{0, 0});
  traced_ = 0;
}

std::vector<TraceLine> Machine::trace() const {
  const size_t ring = trace_lines_.size();
  if (traced_ <= ring) return {trace_lines_.begin(), trace_lines_.begin() + static_cast<std::ptrdiff_t>(traced_)};
  const auto oldest = trace_lines_.begin() + static_cast<std::ptrdiff_t>(traced_ % ring);
  std::vector<TraceLine> lines(oldest, trace_lines_.end());
  lines.insert(lines.end(), trace_lines_.begin(), oldest);
  return lines;
}

BlockCost& Machine::block_cost_slow(uint32_t address, uint16_t bytes) {
  const BlockCost* cost = model_.cached(address, bytes);
  if (!cost) cost = &decode_block(address, bytes);
  hot_table_ = model_.table_at(address);
  const uint32_t offset = address - hot_table_.origin;
  if (offset < hot_table_.size) return hot_table_.table[offset >> 1];
  outside_ = *cost;  // outside every code region, so not cached: a copy of its own
  return outside_;
}

void Machine::charge_divide() {
  const uint32_t quotient = engine_.reg(UC_ARM_REG_R0 + divide_reg_ - 1);
  const CoreTiming& t = model_.timing();
  cycles_ += divide_cycles(t, quotient, divide_signed_) - t.divide_min;
  divide_reg_ = 0;
}

void Machine::on_interrupt(uc_engine* uc, uint32_t intno, void* self) {
  auto* m = static_cast<Machine*>(self);
  const uint32_t pc = m->engine_.reg(UC_ARM_REG_PC);
  switch (intno) {
    case 7: {  // BKPT
      uint16_t insn = 0;
      m->engine_.read(pc & ~1u, &insn, 2, "BKPT");
      if (insn != kBkptSemihost) {
        m->fault_at(FaultKind::HardFault, "breakpoint (BKPT) hit with no debugger attached", pc & ~1u, true);
        uc_emu_stop(uc);
        return;
      }
      const uint32_t op = m->engine_.reg(UC_ARM_REG_R0);
      const uint32_t arg = m->engine_.reg(UC_ARM_REG_R1);
      Semihosting::Outcome out = m->semihosting_.call(op, arg, *m);
      if (!out.refusal.empty()) m->notes_.push_back(out.refusal + " " + m->where(pc & ~1u));
      if (out.exit_code) {
        m->exit_code_ = *out.exit_code;
        m->halt_ = Halt::Exit;
        uc_emu_stop(uc);
        return;
      }
      m->engine_.set_reg(UC_ARM_REG_R0, out.r0);
      m->engine_.set_reg(UC_ARM_REG_PC, ((pc & ~1u) + 2) | 1u);
      m->previous_end_ = 0;
      m->exit_check_.reset();  // R0 is no longer what the block left it
      return;
    }
    case 2:  // SVC: PC is already past it; the host enters the SVCall handler.
      m->halt_ = Halt::SupervisorCall;
      uc_emu_stop(uc);
      return;
    case 8:  // branch to EXC_RETURN
      m->halt_ = Halt::ExceptionReturn;
      uc_emu_stop(uc);
      return;
    default: {
      // QEMU's Arm exception numbers: 1 UDEF, 17 NOCP, 18 INVSTATE, 19 STKOF, 22 UNALIGNED.
      std::string what;
      FaultKind kind = FaultKind::UsageFault;
      switch (intno) {
        case 1: kind = FaultKind::UndefinedInstruction; what = "undefined instruction"; break;
        case 17: what = "coprocessor/FPU instruction with the coprocessor disabled or absent"; break;
        case 18: what = "invalid state: a branch to an address with bit 0 clear (Arm state does not exist on Cortex-M)"; break;
        case 19: what = "stack limit (MSPLIM/PSPLIM) exceeded"; break;
        case 22: what = "unaligned access (this core faults on it)"; break;
        default: kind = FaultKind::HardFault; what = "CPU exception " + std::to_string(intno); break;
      }
      m->fault_at(kind, what, pc & ~1u, true);
      uc_emu_stop(uc);
      return;
    }
  }
}

bool Machine::on_bad_memory(uc_engine*, uc_mem_type type, uint64_t address, int size, int64_t, void* self) {
  auto* m = static_cast<Machine*>(self);
  m->bad_access_ = BadAccess{type, static_cast<uint32_t>(address), size};
  return false;
}

void Machine::on_armv6m_access(uc_engine* uc, uc_mem_type type, uint64_t address, int size, int64_t, void* self) {
  if ((address & static_cast<uint64_t>(size - 1)) == 0) return;
  auto* m = static_cast<Machine*>(self);
  const bool write = type == UC_MEM_WRITE;
  // PC is the block start here too (trap 5); the registers are exact.
  const uint32_t block = m->engine_.reg(UC_ARM_REG_PC) & ~1u;
  const uint32_t exact = m->locate_access(block, static_cast<uint32_t>(address), write);
  m->fault_at(FaultKind::UsageFault,
              std::string("unaligned ") + (write ? "write" : "read") + " of " + std::to_string(size) + " bytes " +
                  (write ? "to " : "from ") + hex32(static_cast<uint32_t>(address)) + " (" +
                  core_name(m->device_.core) + " is Armv6-M: every unaligned access is a HardFault)",
              exact ? exact : block, exact != 0);
  m->fault_->address = static_cast<uint32_t>(address);
  m->fault_->size = static_cast<unsigned>(size);
  uc_emu_stop(uc);
}

bool Machine::on_invalid_instruction(uc_engine* uc, void* self) {
  auto* m = static_cast<Machine*>(self);
  const uint32_t pc = m->engine_.reg(UC_ARM_REG_PC) & ~1u;
  uint16_t before = 0;
  if (pc >= 2 && !m->engine_.read(pc - 2, &before, 2, "WFE") && before == kWfe) {
    m->halt_ = Halt::Wfe;  // WFE: Unicorn stops with PC after it (UNICORN-NOTES)
    uc_emu_stop(uc);
    return true;
  }
  return false;
}

// ---------------------------------------------------------------- run loop

void Machine::advance_peripherals() {
  for (Peripheral* p : peripherals_) p->advance_to(cycles_);
}

uint64_t Machine::next_event() const {
  uint64_t next = kNever;
  for (const Peripheral* p : peripherals_) next = std::min(next, p->next_event_cycle());
  return next;
}

void Machine::set_power(PowerState state) {
  if (power_.back().state == state) return;
  if (power_.back().cycle == cycles_) power_.back().state = state;
  else power_.push_back({cycles_, state});
  if (power_listener_) power_listener_(cycles_, state);
}

Result<RunResult> Machine::run(const RunLimits& limits) {
  if (auto error = reset()) return *error;
  const uint64_t budget = limits.max_cycles ? limits.max_cycles : uint64_t(device_.clock_hz) * 60;
  instruction_limit_ = limits.max_instructions ? limits.max_instructions : ~0ull;
  uint32_t pc = engine_.reg(UC_ARM_REG_PC) & ~1u;
  bool exited = false;
  while (!fault_) {
    advance_peripherals();
    if (stop_requested_) break;
    const bool primask = engine_.reg(UC_ARM_REG_PRIMASK) & 1u;
    if (unsigned exception = nvic_.next_to_take(primask)) {
      if (auto error = take_exception(exception, pc)) return *error;
      if (fault_) break;
      pc = engine_.reg(UC_ARM_REG_PC) & ~1u;
    }
    if (cycles_ >= budget || instructions_ >= instruction_limit_) {
      const bool by_cycles = cycles_ >= budget;
      fault_at(FaultKind::Budget,
               std::string("budget exhausted after ") +
                   (by_cycles ? std::to_string(cycles_) + " cycles (--max-cycles " + std::to_string(budget) + ")"
                              : std::to_string(instructions_) + " instructions") +
                   ": the firmware neither exited nor slept; it was",
               pc, true);
      break;
    }
    slice_end_ = std::min({next_event(), budget, cycles_ + kSliceCycles});
    if (slice_end_ <= cycles_) slice_end_ = cycles_ + 1;
    deadline_ = divide_reg_ || trace_ ? 0 : slice_end_;
    rearm_checks();
    halt_ = Halt::None;
    bad_access_.reset();
    const uc_err err = engine_.start(pc);
    // A block that ended the run (exit, WFI, SVC, exception return) keeps its late
    // accesses unchecked: the host may change registers before the next block.
    exit_check_.reset();
    pc = engine_.reg(UC_ARM_REG_PC) & ~1u;
    if (fault_) break;
    if (err != UC_ERR_OK) {
      memory_fault(err);
      break;
    }
    switch (halt_) {
      case Halt::Exit: exited = true; break;
      case Halt::Fault: break;
      case Halt::ExceptionReturn:
        if (auto error = return_from_exception(pc | 1u)) return *error;
        pc = engine_.reg(UC_ARM_REG_PC) & ~1u;
        continue;
      case Halt::SupervisorCall:
        if (auto error = take_exception(kSvCall, pc)) return *error;
        pc = engine_.reg(UC_ARM_REG_PC) & ~1u;
        continue;
      case Halt::Wfe:
        if (!sleep(scs_.sleep_deep(), limits, budget)) break;
        continue;
      case Halt::Slice: continue;
      case Halt::None: {
        uint16_t before = 0;
        if (pc >= 2 && !engine_.read(pc - 2, &before, 2, "WFI") && before == kWfi) {
          if (!sleep(scs_.sleep_deep(), limits, budget)) break;
          continue;
        }
        fault_at(FaultKind::HardFault, "the CPU stopped for no known reason", pc, false);
        break;
      }
    }
    if (exited || fault_) break;
  }

  bool reached_low = false;
  auto collected = collect_result(reached_low);
  if (!collected) return collected.error();
  RunResult result = std::move(collected.value());
  result.reason = exited ? StopReason::Exited : fault_ ? StopReason::Fault : StopReason::Stopped;
  result.exit_code = exit_code_;
  if (reached_low && !result.fault) {
    Fault overflow;
    overflow.kind = FaultKind::StackOverflow;
    overflow.message = "stack overflow: the stack grew from the top of " + device_.main_ram()->name + " (" +
                       hex32(stack_.top()) + ") all the way down into .data/.bss, which end at " +
                       hex32(stack_.low()) + " (" + format_size(stack_.available()) + " were free)";
    result.fault = overflow;
    result.reason = StopReason::Fault;
  }
  return result;
}

Result<RunResult> Machine::collect_result(bool& stack_reached_low) const {
  RunResult result;
  result.fault = fault_;
  result.console = semihosting_.console();
  result.notes = notes_;
  result.instructions = instructions_;
  result.cycles = cycles_;
  result.clock_hz = device_.clock_hz;
  result.power = power_;
  for (size_t i = 0; i < power_.size(); ++i) {
    const uint64_t end = i + 1 < power_.size() ? power_[i + 1].cycle : cycles_;
    const uint64_t span = end - power_[i].cycle;
    if (power_[i].state == PowerState::Run) result.run_cycles += span;
    else if (power_[i].state == PowerState::Sleep) result.sleep_cycles += span;
    else result.deep_sleep_cycles += span;
  }
  result.exceptions_taken = exceptions_taken_;
  result.memory = usage_;
  auto high_water = stack_.high_water(engine_, stack_reached_low);
  if (!high_water) return high_water.error();
  result.stack_high_water = *high_water;
  result.stack_available = stack_.available();
  return result;
}

Result<RunResult> Machine::result_so_far() const {
  bool reached_low = false;
  return collect_result(reached_low);
}

bool Machine::sleep(bool deep, const RunLimits&, uint64_t budget) {
  const uint32_t pc = engine_.reg(UC_ARM_REG_PC) & ~1u;
  while (nvic_.next_to_take(false) == Nvic::kNone && !stop_requested_) {
    const uint64_t next = next_event();
    if (next == kNever) {
      fault_at(FaultKind::SleptForever,
               "the core went to sleep (WFI/WFE) with no enabled interrupt or event left to wake it; it slept",
               pc - 2, true);
      return false;
    }
    set_power(deep ? PowerState::DeepSleep : PowerState::Sleep);
    if (next > budget) {
      cycles_ = budget;
      set_power(PowerState::Run);
      fault_at(FaultKind::Budget,
               "budget exhausted after " + std::to_string(cycles_) + " cycles while asleep; the core slept",
               pc - 2, true);
      return false;
    }
    cycles_ = std::max(cycles_, next);
    advance_peripherals();
  }
  set_power(PowerState::Run);
  previous_end_ = 0;
  return true;
}

// ---------------------------------------------------------------- exceptions

Status Machine::take_exception(unsigned exception, uint32_t return_pc) {
  // SP is the active stack: the PSP when thread mode runs on it (CONTROL.SPSEL).
  const uint32_t sp = engine_.reg(UC_ARM_REG_SP);
  const uint32_t xpsr = engine_.reg(UC_ARM_REG_XPSR);
  const uint32_t control = engine_.reg(UC_ARM_REG_CONTROL);
  const bool nested = (xpsr & 0x1FFu) != 0;
  const bool from_process_stack = !nested && (control & kControlSpsel);
  // Unicorn sets CONTROL.FPCA itself when an FP instruction runs (FPCCR.ASPEN).
  const ExceptionFrame frame = exception_frame(sp, has_fpu_ && (control & kControlFpca));
  const uint32_t stacked_xpsr = (xpsr & ~kXpsrRealigned) | (frame.realigned ? kXpsrRealigned : 0u) | (1u << 24);
  uint32_t words[kExtendedFrameWords] = {engine_.reg(UC_ARM_REG_R0), engine_.reg(UC_ARM_REG_R1),
                                         engine_.reg(UC_ARM_REG_R2), engine_.reg(UC_ARM_REG_R3),
                                         engine_.reg(UC_ARM_REG_R12), engine_.reg(UC_ARM_REG_LR),
                                         return_pc & ~1u, stacked_xpsr};
  if (!in_ram(frame.address, frame.bytes)) {
    fault_at(FaultKind::StackOverflow,
             "stack overflow while entering " + exception_label(exception) + ": the " + std::to_string(frame.bytes) +
                 "-byte exception frame at " + hex32(frame.address) + " is outside SRAM; the interrupted code was",
             return_pc, true);
    return std::nullopt;
  }
  uint32_t vector = 0;
  const uint32_t slot = scs_.vtor() + 4u * exception;
  if (!read_memory(slot, &vector, 4) || !(vector & 1u) || !code_at(vector & ~1u)) {
    fault_at(FaultKind::HardFault,
             exception_label(exception) + " was taken but its vector at " + hex32(slot) + " is " + hex32(vector) +
                 " (no handler); the interrupted code was",
             return_pc, true);
    return std::nullopt;
  }
  uint32_t written = kBasicFrameWords * 4u;
  if (frame.extended) {
    // The FP state is stacked now even when FPCCR.LSPEN asks for it lazily: the
    // frame reads the same either way once the handler runs an FP instruction.
    for (unsigned i = 0; i < 16; ++i) words[kFrameS0 + i] = engine_.reg(UC_ARM_REG_S0 + static_cast<int>(i));
    words[kFrameFpscr] = engine_.reg(UC_ARM_REG_FPSCR);
    written = (kFrameFpscr + 1) * 4u;  // the reserved word above FPSCR is not written
    if (scs_.lazy_stacking()) scs_.set_fp_frame(frame.address + 4u * kFrameS0);
  }
  if (auto error = engine_.write(frame.address, words, written, "exception frame")) return error;
  engine_.set_reg(UC_ARM_REG_SP, frame.address);
  // The handler starts with no FP context (its first FP instruction makes one, with
  // FPSCR from FPDSCR) and, from thread mode, on the MSP: Unicorn swaps the banked
  // SPs on an SPSEL write, which it honours only in thread mode, so before IPSR is set.
  const uint32_t cleared = fp_control_bits() | (from_process_stack ? kControlSpsel : 0u);
  if (control & cleared) engine_.set_reg(UC_ARM_REG_CONTROL, control & ~cleared);
  engine_.set_reg(UC_ARM_REG_LR, exc_return_value(nested, from_process_stack, frame.extended));
  engine_.set_reg(UC_ARM_REG_IPSR, exception);
  // Unicorn caches handler mode: rewriting NZCV refreshes it (UNICORN-NOTES trap 8).
  engine_.set_reg(UC_ARM_REG_APSR_NZCV, engine_.reg(UC_ARM_REG_APSR_NZCV));
  engine_.set_reg(UC_ARM_REG_PC, vector | 1u);
  nvic_.activate(exception);
  // Lazy stacking: the chip pays for the FP state only if the handler uses the FPU.
  const bool lazy = frame.extended && scs_.lazy_stacking();
  lazy_fp_frames_.push_back(lazy);
  cycles_ += entry_cycles(device_.core) + (frame.extended && !lazy ? kFpStateCycles : 0u);
  previous_end_ = 0;
  previous_penalty_ = 0;
  ++exceptions_taken_;
  return std::nullopt;
}

Status Machine::return_from_exception(uint32_t exc_return) {
  const unsigned exception = engine_.reg(UC_ARM_REG_IPSR) & 0x1FFu;
  if (!valid_exc_return(exc_return, has_fpu_)) {
    fault_at(FaultKind::HardFault,
             "exception return with EXC_RETURN " + hex32(exc_return) + ": expected 0xFFFFFFF1, 0xFFFFFFF9 or "
                 "0xFFFFFFFD" + std::string(has_fpu_ ? " (or 0xFFFFFFE1, 0xFFFFFFE9, 0xFFFFFFED with FP state)" : "") +
                 "; it was",
             block_pc_, false);
    return std::nullopt;
  }
  const bool to_process_stack = (exc_return | kExcReturnBasicFrame) == 0xFFFFFFFDu;
  const bool extended = !(exc_return & kExcReturnBasicFrame);
  const uint32_t sp = engine_.reg(to_process_stack ? UC_ARM_REG_PSP : UC_ARM_REG_SP);
  uint32_t frame[kExtendedFrameWords] = {};
  const uint32_t frame_bytes = 4u * (extended ? kFrameFpscr + 1 : kBasicFrameWords);
  if (!in_ram(sp, frame_bytes) || !read_memory(sp, frame, frame_bytes)) {
    fault_at(FaultKind::HardFault,
             "exception return with SP " + hex32(sp) + ": its " + std::to_string(frame_bytes) +
                 "-byte frame is outside SRAM; it was",
             block_pc_, false);
    return std::nullopt;
  }
  const int regs[6] = {UC_ARM_REG_R0, UC_ARM_REG_R1, UC_ARM_REG_R2, UC_ARM_REG_R3, UC_ARM_REG_R12, UC_ARM_REG_LR};
  for (int i = 0; i < 6; ++i) engine_.set_reg(regs[i], frame[i]);
  uint32_t fp_cycles = 0;
  const uint32_t control = engine_.reg(UC_ARM_REG_CONTROL);
  if (extended) {
    for (unsigned i = 0; i < 16; ++i) engine_.set_reg(UC_ARM_REG_S0 + static_cast<int>(i), frame[kFrameS0 + i]);
    engine_.set_reg(UC_ARM_REG_FPSCR, frame[kFrameFpscr]);
    // A lazy frame costs its save and restore only when the handler used the FPU
    // (then it has an FP context of its own, CONTROL.FPCA).
    const bool lazy = !lazy_fp_frames_.empty() && lazy_fp_frames_.back();
    fp_cycles = !lazy ? kFpStateCycles : (control & kControlFpca) ? 2 * kFpStateCycles : 0u;
  }
  if (!lazy_fp_frames_.empty()) lazy_fp_frames_.pop_back();
  const uint32_t xpsr = frame[7];
  const uint32_t sp_after = popped_sp(sp, extended, xpsr);
  if (!to_process_stack) engine_.set_reg(UC_ARM_REG_SP, sp_after);
  nvic_.deactivate(exception);
  engine_.set_reg(UC_ARM_REG_XPSR, xpsr & ~kXpsrRealigned);
  engine_.set_reg(UC_ARM_REG_IPSR, xpsr & 0x1FFu);
  // Back in the mode returned to: the FP context is active again if it was stacked,
  // and thread mode on the PSP selects it (Unicorn swaps the banked SPs), then pops.
  const uint32_t fp_bits = fp_control_bits();
  const uint32_t restored = (control & ~fp_bits) | (extended ? fp_bits : 0u) | (to_process_stack ? kControlSpsel : 0u);
  if (restored != control) engine_.set_reg(UC_ARM_REG_CONTROL, restored);
  if (to_process_stack) engine_.set_reg(UC_ARM_REG_SP, sp_after);
  engine_.set_reg(UC_ARM_REG_APSR_NZCV, xpsr & 0xF0000000u);  // refresh (trap 8)
  engine_.set_reg(UC_ARM_REG_PC, frame[6] | 1u);
  cycles_ += return_cycles(device_.core) + fp_cycles;
  previous_end_ = 0;
  previous_penalty_ = 0;
  return std::nullopt;
}

bool Machine::code_at(uint32_t address) const {
  uint32_t in_region = 0;
  return device_.region_or_alias_at(address, 2, in_region) != nullptr;
}

uint32_t Machine::fp_control_bits() const {
  if (!has_fpu_) return 0;
  // Armv8-M with the Security Extension (TinySim's M33 runs Secure): CONTROL_S.SFPA
  // follows FPCA across exceptions.
  return device_.core == CoreKind::CortexM33 ? kControlFpca | kControlSfpa : kControlFpca;
}

bool Machine::in_ram(uint32_t address, uint32_t bytes) const {
  uint32_t in_region = 0;
  const MemoryRegion* first = device_.region_or_alias_at(address, 1, in_region);
  return first && first->kind == MemoryKind::Sram && is_memory(address, bytes);
}

// ---------------------------------------------------------------- faults

std::string Machine::where(uint32_t pc) const {
  return "at pc " + hex32(pc) + " in " + firmware_.symbols.describe(pc);
}

void Machine::fault_at(FaultKind kind, const std::string& what, uint32_t pc, bool exact) {
  if (fault_) return;
  Fault fault;
  fault.kind = kind;
  fault.pc = pc;
  fault.pc_exact = exact;
  fault.function = firmware_.symbols.describe(pc);
  fault.message = what + " " + (exact ? "" : "in the block ") + where(pc);
  const unsigned ipsr = engine_.reg(UC_ARM_REG_IPSR) & 0x1FFu;
  if (ipsr) fault.message += " (inside the " + exception_label(ipsr) + " handler)";
  fault.backtrace = backtrace(engine_.reg(UC_ARM_REG_SP), engine_.reg(UC_ARM_REG_LR));
  fault_ = fault;
  halt_ = Halt::Fault;
}

void Machine::memory_fault(uc_err err) {
  if (err == UC_ERR_INSN_INVALID) {
    const uint32_t pc = engine_.reg(UC_ARM_REG_PC) & ~1u;
    uint8_t code[4] = {};
    engine_.read(pc, code, 4, "instruction");
    char text[96];
    std::snprintf(text, sizeof text, "undefined instruction %02x%02x %02x%02x (not implemented by %s)", code[1],
                  code[0], code[3], code[2], core_name(device_.core).c_str());
    if (!firmware_.symbols.function_at(pc)) {
      // Outside every function: a jump through a bad pointer, not bad code.
      const uint32_t from = pc == block_pc_ ? caller_block_pc_ : block_pc_;
      fault_at(FaultKind::UsageFault,
               "executing at " + hex32(pc) + ", outside every function of the firmware (a call through a null "
               "or corrupted function pointer?); jumped there from the block " + where(from) + "; stopped",
               pc, true);
      return;
    }
    fault_at(FaultKind::UndefinedInstruction, text, pc, true);
    return;
  }
  if (!bad_access_) {
    fault_at(FaultKind::HardFault, std::string("Unicorn stopped: ") + uc_strerror(err), block_pc_, false);
    return;
  }
  const BadAccess access = *bad_access_;
  const bool write = access.type == UC_MEM_WRITE_UNMAPPED || access.type == UC_MEM_WRITE_PROT;
  const bool fetch = access.type == UC_MEM_FETCH_UNMAPPED || access.type == UC_MEM_FETCH_PROT;
  std::string what;
  if (fetch) {
    what = "instruction fetch from " + hex32(access.address);
  } else {
    what = std::string(write ? "write" : "read") + " of " + std::to_string(access.size) + " byte" +
           (access.size == 1 ? "" : "s") + (write ? " to " : " from ") + hex32(access.address);
  }
  // Where the address is relative to the device's memory.
  uint32_t in_region = 0;
  const MemoryRegion* inside = device_.region_or_alias_at(access.address, 1, in_region);
  const MemoryRegion* below = nullptr;  // region ending closest below the address
  for (const auto& r : device_.memory)
    if (r.end() <= access.address && (!below || r.end() > below->end())) below = &r;
  std::string position;
  FaultKind kind = FaultKind::UnmappedAccess;
  auto above_sram = [&](uint32_t address) -> const MemoryRegion* {
    for (const auto& r : device_.memory)
      if (r.kind == MemoryKind::Sram && address < r.origin && r.origin - address <= 0x10000u) return &r;
    return nullptr;
  };
  if (access.type == UC_MEM_WRITE_PROT && inside) {
    kind = FaultKind::FlashWrite;
    position = ", inside " + inside->name + ", which is read-only (a const object written, or a pointer into flash?)";
  } else if (access.address < 0x1000u && !inside) {
    position = ", near address 0 (a null pointer?)";
  } else if (below && access.address - below->end() < 0x10000u) {
    position = ", " + std::to_string(access.address - below->end() + access.size) + " bytes past the end of " +
               below->name + " (" + format_size(below->size) + ")";
  } else if (above_sram(access.address) && engine_.reg(UC_ARM_REG_SP) - access.address + 64u < 320u) {
    // Just below an SRAM bank, next to SP: the stack grew out of the bottom of RAM.
    const MemoryRegion* ram = above_sram(access.address);
    kind = FaultKind::StackOverflow;
    what = "stack overflow: " + what;
    position = ", " + std::to_string(ram->origin - access.address) + " bytes below the start of " + ram->name +
               " (SP is " + hex32(engine_.reg(UC_ARM_REG_SP)) + ")";
  } else if (access.address >= 0x40000000u && access.address < 0x60000000u) {
    position = ", a peripheral address " + device_.name + " has no model for in TinySim";
  } else {
    position = ", outside every memory region of " + device_.name;
  }
  if (fetch) {
    fault_at(kind, what + position + "; it jumped there from the block", block_pc_, true);
    fault_->pc = access.address;
    return;
  }
  const uint32_t exact = locate_access(block_pc_, access.address, write);
  fault_at(kind, what + position, exact ? exact : block_pc_, exact != 0);
  fault_->address = access.address;
  fault_->size = static_cast<unsigned>(access.size);
}

uint32_t Machine::locate_access(uint32_t block_pc, uint32_t address, bool write) const {
  // Off the hot path: after a fault Unicorn's PC is the block start (trap 5), but
  // the other registers are exact, so the load/store whose effective address
  // matches is the faulting one.
  csh cs = 0;
  if (cs_open(CS_ARCH_ARM, static_cast<cs_mode>(CS_MODE_THUMB | CS_MODE_MCLASS), &cs) != CS_ERR_OK) return 0;
  cs_option(cs, CS_OPT_DETAIL, CS_OPT_ON);
  uint8_t code[256] = {};
  uint32_t found = 0;
  if (!engine_.read(block_pc, code, sizeof code, "code")) {
    cs_insn* insn = nullptr;
    const size_t count = cs_disasm(cs, code, sizeof code, block_pc, 64, &insn);
    auto reg_value = [&](unsigned reg, uint32_t at) -> uint32_t {
      if (reg == ARM_REG_PC) return (at + 4u) & ~3u;
      if (reg == ARM_REG_SP) return engine_.reg(UC_ARM_REG_SP);
      if (reg == ARM_REG_LR) return engine_.reg(UC_ARM_REG_LR);
      if (reg >= ARM_REG_R0 && reg <= ARM_REG_R12) return engine_.reg(UC_ARM_REG_R0 + static_cast<int>(reg - ARM_REG_R0));
      return 0;
    };
    for (size_t i = 0; i < count && !found; ++i) {
      const cs_insn& in = insn[i];
      const char* m = in.mnemonic;
      const bool store = std::strncmp(m, "st", 2) == 0 || std::strncmp(m, "push", 4) == 0 ||
                         std::strncmp(m, "vst", 3) == 0 || std::strncmp(m, "vpush", 5) == 0;
      const bool load = std::strncmp(m, "ld", 2) == 0 || std::strncmp(m, "pop", 3) == 0 ||
                        std::strncmp(m, "vld", 3) == 0 || std::strncmp(m, "vpop", 4) == 0;
      if (store != write || (!store && !load)) continue;
      const cs_arm& arm = in.detail->arm;
      const uint32_t at = static_cast<uint32_t>(in.address);
      uint32_t lo = 0, hi = 0;
      bool have = false;
      for (unsigned k = 0; k < arm.op_count; ++k) {
        if (arm.operands[k].type != ARM_OP_MEM) continue;
        const auto& mem = arm.operands[k].mem;
        uint32_t ea = reg_value(mem.base, at) + static_cast<uint32_t>(mem.disp);
        if (mem.index != ARM_REG_INVALID) {
          const uint32_t index = reg_value(mem.index, at) << arm.operands[k].shift.value;
          ea = mem.scale < 0 ? ea - index : ea + index;
        }
        lo = ea;
        hi = ea + 8;
        have = true;
      }
      if (!have) {  // register lists: PUSH/POP/LDM/STM
        unsigned regs = 0;
        for (unsigned k = 0; k < arm.op_count; ++k) regs += arm.operands[k].type == ARM_OP_REG;
        const bool sp_based = std::strncmp(m, "push", 4) == 0 || std::strncmp(m, "pop", 3) == 0 ||
                              std::strncmp(m, "vpush", 5) == 0 || std::strncmp(m, "vpop", 4) == 0;
        const uint32_t base = sp_based ? engine_.reg(UC_ARM_REG_SP) : reg_value(arm.operands[0].reg, at);
        if (!sp_based) --regs;
        const uint32_t span = regs * (m[0] == 'v' ? 8u : 4u);
        const bool descending = std::strncmp(m, "push", 4) == 0 || std::strncmp(m, "vpush", 5) == 0 ||
                                std::strstr(m, "db") != nullptr;
        lo = descending ? base - span : base;
        hi = descending ? base : base + span;
      }
      if (address >= lo && address < hi) found = at;
    }
    if (insn) cs_free(insn, count);
  }
  cs_close(&cs);
  return found;
}

std::vector<std::string> Machine::backtrace(uint32_t sp, uint32_t lr) const {
  std::vector<std::string> out;
  auto is_return_address = [&](uint32_t value) {
    if (!(value & 1u) || value < 4) return false;
    const uint32_t at = value & ~1u;
    const MemoryRegion* region = device_.region_at(at - 4, 4);
    if (!region) return false;
    uint16_t h[2] = {};
    if (engine_.read(at - 4, h, 4, "code")) return false;
    const bool bl = (h[0] & 0xF800u) == 0xF000u && (h[1] & 0xD000u) == 0xD000u;
    const bool blx = (h[1] & 0xFF87u) == 0x4780u;
    return bl || blx;
  };
  auto add = [&](uint32_t value) {
    const std::string name = firmware_.symbols.describe((value & ~1u) - 2);
    if (out.empty() || out.back() != name) out.push_back(name);
  };
  if (is_return_address(lr)) add(lr);
  const MemoryRegion* ram = device_.region_at(sp, 4);
  for (uint32_t at = sp; ram && at + 4 <= ram->end() && at < sp + 512 && out.size() < 6; at += 4) {
    uint32_t word = 0;
    if (engine_.read(at, &word, 4, "stack")) break;
    if (is_return_address(word)) add(word);
  }
  return out;
}

}  // namespace tinysim
