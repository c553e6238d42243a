#pragma once
// Exception state of the core: which exceptions are enabled, pending and active,
// and their priorities (the NVIC for external IRQs, SCB SHPR for system ones).
#include <array>
#include <cstdint>

namespace tinysim {

/// Architectural exception numbers (Armv7-M/Armv8-M B1.5.2).
enum ExceptionNumber : unsigned {
  kNmi = 2, kHardFault = 3, kMemManage = 4, kBusFault = 5, kUsageFault = 6,
  kSvCall = 11, kDebugMonitor = 12, kPendSv = 14, kSysTick = 15, kFirstIrq = 16
};

/// Pending/enabled/active bits and priorities for exceptions 1..16+kIrqs-1.
class Nvic {
 public:
  static constexpr unsigned kIrqs = 64;
  static constexpr unsigned kExceptions = 16 + kIrqs;
  static constexpr int kNone = 0;

  /// `priority_bits`: implemented priority bits (2 on M0+, 4 on TinySim's others).
  explicit Nvic(unsigned priority_bits = 4);

  void set_pending(unsigned exception, bool pending);
  bool pending(unsigned exception) const { return exception < kExceptions && pending_[exception]; }
  void set_enabled_irq(unsigned irq, bool enabled);
  bool enabled_irq(unsigned irq) const { return irq < kIrqs && enabled_[irq]; }
  void set_priority(unsigned exception, uint8_t value);
  /// Priority byte as firmware reads it back (unimplemented low bits zero).
  uint8_t priority_byte(unsigned exception) const { return exception < kExceptions ? priority_[exception] : 0; }
  /// Effective priority: -2 NMI, -1 HardFault, else the byte.
  int priority(unsigned exception) const;

  void activate(unsigned exception);
  void deactivate(unsigned exception);
  bool active(unsigned exception) const { return exception < kExceptions && active_[exception]; }
  /// Priority of the running code: lowest number among active exceptions, or 256
  /// for thread mode; PRIMASK boosts to 0.
  int execution_priority(bool primask) const;
  /// The pending exception that would preempt now (highest priority, lowest
  /// number first), or kNone. With `ignore_mask` PRIMASK is ignored (WFI wake-up).
  unsigned next_to_take(bool primask) const;
  /// ICSR.VECTPENDING-style: any enabled pending exception at all.
  bool any_pending() const;

 private:
  bool can_take(unsigned exception) const;
  uint8_t mask_;
  std::array<bool, kExceptions> pending_{};
  std::array<bool, kExceptions> active_{};
  std::array<bool, kIrqs> enabled_{};
  std::array<uint8_t, kExceptions> priority_{};
};

}  // namespace tinysim
