#include "peripherals/power_controller.h"

#include "hal/tinysim_regs.h"

namespace tinysim {

PowerController::PowerController(MisuseLog& log) : RegisterBlock("power", TS_POWER_BASE, log) {}

void PowerController::advance_to(uint64_t cycle) {
  if (cycle >= deadline_) {
    wake_reasons_ |= TS_WAKE_TIMER;
    deadline_ = kNever;
    timer_us_ = 0;
    if (bus_ != nullptr) bus_->raise_irq(TS_POWER_TIMER_IRQ);
  }
}

RegisterBlock::Access PowerController::read_register(uint32_t offset, uint32_t& value) {
  switch (offset) {
    case TS_POWER_STATE:
      value = TS_POWER_RUN;  // a core that executes a read is running
      return Access::kDone;
    case TS_POWER_WAKE_REASON:
      value = wake_reasons_;
      wake_reasons_ = 0;
      return Access::kDone;
    case TS_POWER_TIMER_US:
      value = timer_us_;
      return Access::kDone;
    default:
      return Access::kUnassigned;
  }
}

RegisterBlock::Access PowerController::write_register(uint32_t offset, uint32_t value) {
  switch (offset) {
    case TS_POWER_STATE:
    case TS_POWER_WAKE_REASON:
      return Access::kReadOnly;
    case TS_POWER_TIMER_US: {
      timer_us_ = value;
      if (value == 0) {
        deadline_ = kNever;
        return Access::kDone;
      }
      const uint64_t clock = bus_ != nullptr ? bus_->clock_hz() : 0;
      // Rounded up: the timer never fires before the time asked for.
      const uint64_t whole_seconds = value / 1000000u;
      const uint64_t rest_us = value % 1000000u;
      const uint64_t cycles = whole_seconds * clock + (rest_us * clock + 999999u) / 1000000u;
      deadline_ = now() + (cycles == 0 ? 1 : cycles);
      return Access::kDone;
    }
    default:
      return Access::kUnassigned;
  }
}

}  // namespace tinysim
