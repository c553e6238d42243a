#pragma once
// The System Control Space at 0xE000E000 that Unicorn does not emulate: SysTick,
// the NVIC registers and the SCB registers firmware touches at boot.
#include <cstdint>
#include <functional>
#include <string>

#include "device/core_kind.h"
#include "machine/nvic.h"
#include "machine/peripheral.h"
#include "machine/sys_tick.h"

namespace tinysim {

/// SCS block (Armv7-M B3.2 / Armv8-M D1.2): SysTick, NVIC ISER/ICER/ISPR/ICPR/
/// IABR/IPR, SCB CPUID/ICSR/VTOR/AIRCR/SCR/CCR/SHPR1-3/SHCSR/CPACR, DEMCR, and on
/// FPU cores FPCCR/FPCAR/FPDSCR (B3.2.20-B3.2.22). MPU_TYPE reads DREGION = 0: no MPU.
class SystemControl : public Peripheral {
 public:
  static constexpr uint32_t kBase = 0xE000E000u;
  static constexpr uint32_t kScrSleepDeep = 1u << 2;

  SystemControl(CoreKind core, Nvic& nvic, uint32_t vtor);
  std::string name() const override { return "System Control Space"; }
  uint32_t base() const override { return kBase; }
  uint32_t size() const override { return 0x1000; }
  uint32_t read(uint32_t offset, unsigned bytes) override;
  void write(uint32_t offset, unsigned bytes, uint32_t value) override;
  uint64_t next_event_cycle() const override;
  void advance_to(uint64_t cycle) override;

  /// Called after a write that may make an exception takeable or move an event.
  void on_change(std::function<void()> callback) { changed_ = std::move(callback); }
  /// Supplies the current IPSR for ICSR.VECTACTIVE.
  void on_ipsr(std::function<uint32_t()> callback) { ipsr_ = std::move(callback); }
  uint32_t vtor() const { return vtor_; }
  bool sleep_deep() const { return scr_ & kScrSleepDeep; }
  /// SCR.SLEEPONEXIT: sleep again on return from the last handler.
  bool sleep_on_exit() const { return scr_ & 2u; }
  const SysTick& sys_tick() const { return tick_; }
  /// FPCCR.LSPEN: the FP part of an exception frame is stacked lazily (timing only).
  bool lazy_stacking() const { return fpccr_ & kFpccrLspen; }
  /// FPCAR: where the FP registers of the last lazily stacked frame are.
  void set_fp_frame(uint32_t s0_address) { fpcar_ = s0_address & ~7u; }
  /// CPACR (0xE000ED88): CP10 and CP11 (bits 20-23) grant access to the FPU.
  uint32_t cpacr() const { return cpacr_; }
  /// CCR.UNALIGN_TRP on an Armv7-M/Armv8-M core: unaligned LDR/STR/LDRH/STRH fault too.
  bool unaligned_trap() const { return core_ != CoreKind::CortexM0Plus && (ccr_ & kCcrUnalignTrp); }

 private:
  uint32_t read_word(uint32_t offset);
  void write_word(uint32_t offset, uint32_t value);
  uint64_t now() const { return bus_ ? bus_->now_cycles() : 0; }
  bool has_fpu() const;

  CoreKind core_;
  Nvic& nvic_;
  SysTick tick_;
  uint32_t vtor_;
  uint32_t scr_ = 0;
  static constexpr uint32_t kCcrUnalignTrp = 1u << 3, kCcrStkAlign = 1u << 9;
  /// STKALIGN set (Armv7-M reset value); on Armv6-M read-only with UNALIGN_TRP set too.
  uint32_t ccr_ = kCcrStkAlign;
  uint32_t aircr_ = 0;
  uint32_t shcsr_ = 0;
  uint32_t cpacr_ = 0;
  uint32_t demcr_ = 0;
  static constexpr uint32_t kFpccrAspen = 1u << 31, kFpccrLspen = 1u << 30;
  uint32_t fpccr_ = kFpccrAspen | kFpccrLspen;  ///< reset value (B3.2.20)
  uint32_t fpcar_ = 0;
  std::function<void()> changed_;
  std::function<uint32_t()> ipsr_;
};

}  // namespace tinysim
