#pragma once
// POWER: why the core last woke up (latched TS_WAKE_* bits, cleared by reading) and a
// one-shot wake-up timer in µs whose expiry pends TS_POWER_TIMER_IRQ, so a firmware can
// sleep between duty-cycled measurements. Sleep itself is WFI, handled by the machine.
#include <cstdint>

#include "machine/peripheral.h"
#include "peripherals/register_block.h"

namespace tinysim {

class PowerController : public RegisterBlock {
 public:
  explicit PowerController(MisuseLog& log);
  /// Latches wake reasons (TS_WAKE_*); the sensor and the machine (SysTick) call this.
  void latch_wake(uint32_t reasons) { wake_reasons_ |= reasons; }
  /// Latched reasons not yet read by the firmware.
  uint32_t pending_wake() const { return wake_reasons_; }
  /// Cycle at which the armed timer expires, or kNever.
  uint64_t timer_deadline() const { return deadline_; }

  uint64_t next_event_cycle() const override { return deadline_; }
  void advance_to(uint64_t cycle) override;

 protected:
  Access read_register(uint32_t offset, uint32_t& value) override;
  Access write_register(uint32_t offset, uint32_t value) override;

 private:
  uint32_t wake_reasons_ = 0;
  uint32_t timer_us_ = 0;
  uint64_t deadline_ = kNever;
};

}  // namespace tinysim
