#include "machine/sys_tick.h"

#include <limits>

namespace tinysim {

uint32_t SysTick::current(uint64_t now) const {
  if (!enabled()) return stopped_value_;
  return now >= next_wrap_ ? 0u : static_cast<uint32_t>(next_wrap_ - now);
}

uint32_t SysTick::read(uint32_t offset, uint64_t now) {
  advance_to(now);
  switch (offset) {
    case kCsr: {
      const uint32_t value = csr_ | (count_flag_ ? 1u << 16 : 0u);
      count_flag_ = false;  // COUNTFLAG clears on read
      return value;
    }
    case kRvr: return reload_;
    case kCvr: return current(now);
    case kCalib: return 1u << 31;  // NOREF: no reference clock, TENMS unknown
    default: return 0;
  }
}

void SysTick::write(uint32_t offset, uint32_t value, uint64_t now) {
  advance_to(now);
  switch (offset) {
    case kCsr: {
      const bool was = enabled();
      if (was && !(value & 1u)) stopped_value_ = current(now);
      csr_ = value & 0x7u;
      if (!was && enabled()) next_wrap_ = now + (stopped_value_ ? stopped_value_ : uint64_t(reload_) + 1);
      break;
    }
    case kRvr: reload_ = value & 0x00FFFFFFu; break;
    case kCvr:  // any write clears the counter and COUNTFLAG; it reloads on the next tick
      count_flag_ = false;
      stopped_value_ = 0;
      if (enabled()) next_wrap_ = now + uint64_t(reload_) + 1;
      break;
    default: break;
  }
}

uint64_t SysTick::next_event_cycle() const {
  if (!enabled() || !(csr_ & 2u) || reload_ == 0) return std::numeric_limits<uint64_t>::max();
  return next_wrap_;
}

uint64_t SysTick::advance_to(uint64_t now) {
  if (!enabled() || now < next_wrap_) return 0;
  const uint64_t period = uint64_t(reload_) + 1;
  const uint64_t wraps = reload_ == 0 ? 1 : (now - next_wrap_) / period + 1;
  next_wrap_ += wraps * period;
  count_flag_ = true;
  return (csr_ & 2u) && reload_ != 0 ? wraps : 0;
}

}  // namespace tinysim
