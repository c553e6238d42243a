#pragma once
// The emulated microcontroller: a Unicorn Cortex-M with only the device's flash
// and SRAM mapped, its peripherals, SysTick/NVIC/SCB/DWT, semihosting and one
// simulated clock advanced per basic block by the CycleModel.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cost/cycle_model.h"
#include "cost/device_timing.h"
#include "cost/flash_cache.h"
#include "device/device.h"
#include "elf/elf_image.h"
#include "elf/memory_fit.h"
#include "machine/dwt.h"
#include "machine/fault.h"
#include "machine/nvic.h"
#include "machine/peripheral.h"
#include "machine/run_result.h"
#include "machine/semihosting.h"
#include "machine/stack_monitor.h"
#include "machine/system_control.h"
#include "machine/unicorn_engine.h"

namespace tinysim {

/// Limits of one run (0 = the default).
struct RunLimits {
  uint64_t max_cycles = 0;        ///< default: 60 s of simulated time at the device clock
  uint64_t max_instructions = 0;  ///< default: no instruction limit
};

/// One line per executed block when tracing ("cycle pc function").
struct TraceLine {
  uint64_t cycle;
  uint32_t pc;
};

/// A device running one firmware. Create, add peripherals, run once.
class Machine : public MachineBus {
 public:
  /// Opens Unicorn for the device's core, maps its memory and the system parts,
  /// checks the ELF fits and loads it. Errors say which segment or call failed.
  static Result<std::unique_ptr<Machine>> create(const Device& device, const ElfImage& firmware);
  ~Machine() override;

  /// Maps a peripheral (not owned; must outlive the machine) and attaches it.
  Status add_peripheral(Peripheral& peripheral);
  /// Keeps the (cycle, pc) of the last `blocks` executed blocks for --trace (slower);
  /// 0 turns tracing off. A ring, so a long run cannot exhaust the host's memory.
  void enable_trace(size_t blocks);
  /// The kept blocks, oldest first.
  std::vector<TraceLine> trace() const;
  /// Blocks executed while tracing (may exceed what trace() kept).
  uint64_t traced_blocks() const { return traced_; }
  /// Called at every power state change (e.g. the power controller or the
  /// scenario learn that the core sleeps).
  void on_power_change(std::function<void(uint64_t cycle, PowerState state)> callback) {
    power_listener_ = std::move(callback);
  }
  /// Resets the core from the vector table and runs until exit, fault, budget
  /// or request_stop(). Errors are internal Unicorn failures only: firmware
  /// faults are in RunResult::fault.
  Result<RunResult> run(const RunLimits& limits = {});
  /// The figures of a run still going (from a peripheral's callback during run()):
  /// console, cycles, power timeline, stack high-water mark so far; reason Stopped.
  Result<RunResult> result_so_far() const;

  // MachineBus
  uint64_t now_cycles() const override { return cycles_; }
  uint32_t clock_hz() const override { return device_.clock_hz; }
  bool read_memory(uint32_t address, void* out, size_t bytes) override;
  bool write_memory(uint32_t address, const void* in, size_t bytes) override;
  void raise_irq(unsigned irq) override;
  void request_stop() override;
  /// Ends the current slice so pending interrupts and events are looked at now.
  void reschedule() { deadline_ = slice_end_ = 0; }

  const Device& device() const { return device_; }
  const ElfImage& firmware() const { return firmware_; }
  const MemoryUsage& memory_usage() const { return usage_; }
  CycleModel& cycle_model() { return model_; }
  /// The core option and flash timing the run is priced with (the report's assumptions).
  const DeviceTiming& timing() const { return timing_; }
  /// Flash lines fetched or read that the accelerator did not hold, this run.
  uint64_t flash_misses() const { return flash_.misses(); }
  Nvic& nvic() { return nvic_; }
  SystemControl& system_control() { return scs_; }
  uint64_t instructions() const { return instructions_; }

 private:
  Machine(const Device& device, const ElfImage& firmware, const MemoryUsage& usage, const DeviceTiming& timing);
  Status map_memory();
  Status load_firmware();
  Status reset();
  const BlockCost& decode_block(uint32_t address, uint16_t bytes);
  /// A block the hot table does not hold: look it up or decode it, then make its
  /// region's table the hot one.
  __attribute__((noinline)) BlockCost& block_cost_slow(uint32_t address, uint16_t bytes);
  __attribute__((noinline)) void charge_divide();

  // Per-block checks decoded with the block (machine_checks.cpp, docs/emulator.md).
  /// The block's checks at its entry: prices its flash loads, faults on an unaligned
  /// access or an FPU instruction with CP10/CP11 off. False when it faulted.
  bool check_block(BlockCost& cost, uint32_t pc);
  /// The previous block's accesses known only at its end (registers as it left them).
  bool check_block_exit();
  /// Evaluates the entry (or exit) accesses; sets `read_flash` if one read flash.
  bool check_accesses(const BlockAccesses& block, bool at_exit, bool& read_flash);
  /// Gives every block trusted during the last slice its decoded checks back, and
  /// arms or disarms the word/halfword alignment checks when CCR.UNALIGN_TRP changed.
  void rearm_checks();
  /// Stops checking a block whose loads all read SRAM and whose FPU use was allowed.
  void trust(BlockCost& cost, uint32_t pc, const BlockAccesses& block);
  /// Fault report for an access the core faults on when unaligned.
  void unaligned_fault(const MemoryAccess& access, uint32_t address);
  // Run loop parts (machine_run.cpp).
  enum class Halt { None, Slice, Exit, Fault, ExceptionReturn, SupervisorCall, Wfe };
  void advance_peripherals();
  uint64_t next_event() const;
  Status take_exception(unsigned exception, uint32_t return_pc);
  Status return_from_exception(uint32_t exc_return);
  /// The CONTROL bits that say an FP context is active (none without an FPU).
  uint32_t fp_control_bits() const;
  /// True when [address, address+bytes) is memory: a region, adjacent SRAM banks or an alias.
  bool is_memory(uint32_t address, size_t bytes) const;
  /// True when [address, address+bytes) (a stack frame) is SRAM, across adjacent banks too.
  bool in_ram(uint32_t address, uint32_t bytes) const;
  /// True when code can be fetched at `address` (a region, or an alias of one).
  bool code_at(uint32_t address) const;
  bool sleep(bool deep, const RunLimits& limits, uint64_t budget);
  void set_power(PowerState state);
  Result<RunResult> collect_result(bool& stack_reached_low) const;
  void fault_at(FaultKind kind, const std::string& what, uint32_t pc, bool exact);
  void memory_fault(uc_err err);
  uint32_t locate_access(uint32_t block_pc, uint32_t address, bool write) const;
  std::vector<std::string> backtrace(uint32_t sp, uint32_t lr) const;
  std::string where(uint32_t pc) const;

  // Hooks (registered in one place: install_hooks()).
  Status install_hooks();
  /// Per block: a leaf fast path for the common case (cost cached in the hot table,
  /// flash lines resident, nothing pending); anything else goes to on_block_full.
  static void on_block(uc_engine* uc, uint64_t address, uint32_t size, void* self);
  /// Charges a block's cost (+ flash fetch cycles) and records it as the last one run.
  void charge_block(const BlockCost& cost, uint32_t pc, uint32_t size, uint32_t fetch_cycles);
  __attribute__((noinline)) static void on_block_full(uc_engine* uc, uint64_t address, uint32_t size, void* self);
  static void on_interrupt(uc_engine* uc, uint32_t intno, void* self);
  static bool on_bad_memory(uc_engine* uc, uc_mem_type type, uint64_t address, int size, int64_t value,
                            void* self);
  static bool on_invalid_instruction(uc_engine* uc, void* self);
  /// Armv6-M only: every unaligned halfword or word access faults on the chip.
  static void on_armv6m_access(uc_engine* uc, uc_mem_type type, uint64_t address, int size, int64_t value,
                               void* self);
  static uint64_t on_mmio_read(uc_engine* uc, uint64_t offset, unsigned size, void* peripheral);
  static void on_mmio_write(uc_engine* uc, uint64_t offset, unsigned size, uint64_t value, void* peripheral);

  Device device_;
  ElfImage firmware_;
  MemoryUsage usage_;
  UnicornEngine engine_;
  DeviceTiming timing_;
  CycleModel model_;
  FlashCache flash_;
  Nvic nvic_;
  SystemControl scs_;
  Dwt dwt_;
  Semihosting semihosting_;
  StackMonitor stack_;
  std::vector<Peripheral*> peripherals_;
  /// Peripherals reachable from MMIO callbacks, with the machine they belong to.
  struct Mapped { Machine* machine; Peripheral* peripheral; };
  std::vector<std::unique_ptr<Mapped>> mapped_;

  // Hot state, touched by on_block.
  BlockCost outside_;                ///< the last block found outside every code region
  CycleModel::TableView hot_table_;  ///< cost table of the region code last ran from
  // cycles_ and instructions_ are kept apart: adjacent, GCC adds to both with one
  // 16-byte load that stalls on the 8-byte store to cycles_ just before it (measured:
  // most of on_block's time).
  uint64_t cycles_ = 0;
  /// The fast path's bound: slice_end_, or 0 so the next block takes on_block_full
  /// (a pending divide or exit check, tracing).
  uint64_t deadline_ = 0;
  uint64_t slice_end_ = 0;
  uint64_t instructions_ = 0;
  uint64_t instruction_limit_ = ~0ull;
  uint32_t previous_end_ = 0;
  uint32_t previous_penalty_ = 0;  ///< taken penalty of the previous block's conditional exit
  uint8_t divide_reg_ = 0;         ///< the previous block's BlockCost::divide_reg
  uint8_t divide_signed_ = 0;
  /// The previous block, when its accesses known only at its end are still to check.
  struct ExitCheck {
    BlockCost* cost;
    BlockAccesses* block;
    uint32_t pc;
    bool trust;  ///< its entry checks allow trusting it if these do too
  };
  std::optional<ExitCheck> exit_check_;
  /// Blocks whose checks were cleared this slice, given back by rearm_checks().
  struct Trusted {
    BlockCost* cost;
    const BlockAccesses* block;
    uint32_t pc;
  };
  std::vector<Trusted> trusted_;
  bool unaligned_trap_ = false;  ///< CCR.UNALIGN_TRP as the cached blocks' checks are armed for
  uint32_t block_pc_ = 0;          ///< start of the block running now
  uint32_t caller_block_pc_ = 0;   ///< the block that ran before it
  bool trace_ = false;
  std::vector<TraceLine> trace_lines_;  ///< ring of the last trace_lines_.size() blocks
  uint64_t traced_ = 0;

  // Stop state, set by hooks.
  Halt halt_ = Halt::None;
  bool stop_requested_ = false;
  int exit_code_ = 0;
  std::optional<Fault> fault_;
  struct BadAccess { uc_mem_type type; uint32_t address; int size; };
  std::optional<BadAccess> bad_access_;

  // Exceptions and power.
  std::vector<bool> lazy_fp_frames_;  ///< per active exception: its FP state was stacked lazily (timing only)
  uint64_t exceptions_taken_ = 0;
  std::vector<PowerChange> power_;
  std::vector<std::string> notes_;
  bool has_fpu_ = false;
  std::function<void(uint64_t, PowerState)> power_listener_;
};

}  // namespace tinysim
