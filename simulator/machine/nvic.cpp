#include "machine/nvic.h"

namespace tinysim {

Nvic::Nvic(unsigned priority_bits) : mask_(static_cast<uint8_t>(0xFFu << (8 - priority_bits))) {}

void Nvic::set_pending(unsigned exception, bool pending) {
  if (exception > 0 && exception < kExceptions) pending_[exception] = pending;
}

void Nvic::set_enabled_irq(unsigned irq, bool enabled) {
  if (irq < kIrqs) enabled_[irq] = enabled;
}

void Nvic::set_priority(unsigned exception, uint8_t value) {
  if (exception >= 4 && exception < kExceptions) priority_[exception] = value & mask_;
}

int Nvic::priority(unsigned exception) const {
  if (exception == kNmi) return -2;
  if (exception == kHardFault) return -1;
  return exception < kExceptions ? priority_[exception] : 256;
}

void Nvic::activate(unsigned exception) {
  if (exception < kExceptions) {
    active_[exception] = true;
    pending_[exception] = false;
  }
}

void Nvic::deactivate(unsigned exception) {
  if (exception < kExceptions) active_[exception] = false;
}

int Nvic::execution_priority(bool primask) const {
  int level = 256;
  for (unsigned e = 1; e < kExceptions; ++e)
    if (active_[e] && priority(e) < level) level = priority(e);
  if (primask && level > 0) level = 0;
  return level;
}

bool Nvic::can_take(unsigned exception) const {
  if (!pending_[exception]) return false;
  return exception < kFirstIrq || enabled_[exception - kFirstIrq];
}

unsigned Nvic::next_to_take(bool primask) const {
  const int current = execution_priority(primask);
  unsigned best = kNone;
  for (unsigned e = 1; e < kExceptions; ++e)
    if (can_take(e) && priority(e) < current && (best == kNone || priority(e) < priority(best))) best = e;
  return best;
}

bool Nvic::any_pending() const {
  for (unsigned e = 1; e < kExceptions; ++e)
    if (can_take(e)) return true;
  return false;
}

}  // namespace tinysim
