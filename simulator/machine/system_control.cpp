#include "machine/system_control.h"

namespace tinysim {
namespace {

/// CPUID reset values from each core's TRM (register "CPUID Base Register").
uint32_t cpuid(CoreKind core) {
  switch (core) {
    case CoreKind::CortexM0Plus: return 0x410CC601u;  // Cortex-M0+ r0p1
    case CoreKind::CortexM3: return 0x412FC231u;      // Cortex-M3 r2p1
    case CoreKind::CortexM4: return 0x410FC241u;      // Cortex-M4 r0p1
    case CoreKind::CortexM7: return 0x411FC270u;      // Cortex-M7 r1p0
    case CoreKind::CortexM33: return 0x410FD214u;     // Cortex-M33 r0p4
  }
  return 0;
}

}  // namespace

SystemControl::SystemControl(CoreKind core, Nvic& nvic, uint32_t vtor) : core_(core), nvic_(nvic), vtor_(vtor) {
  if (core == CoreKind::CortexM0Plus) ccr_ |= kCcrUnalignTrp;  // Armv6-M: reads as one
}

bool SystemControl::has_fpu() const { return core_has_dsp(core_); }

uint32_t SystemControl::read(uint32_t offset, unsigned bytes) {
  const uint32_t word = read_word(offset & ~3u);
  const unsigned shift = (offset & 3u) * 8;
  const uint32_t mask = bytes >= 4 ? 0xFFFFFFFFu : (1u << (bytes * 8)) - 1u;
  return (word >> shift) & mask;
}

void SystemControl::write(uint32_t offset, unsigned bytes, uint32_t value) {
  // Byte writes matter for NVIC_IPR and SHPR; others are word registers.
  if (bytes < 4 && ((offset >= 0x400 && offset < 0x400 + Nvic::kIrqs) || (offset >= 0xD18 && offset < 0xD24))) {
    for (unsigned i = 0; i < bytes; ++i) {
      const uint32_t at = offset + i;
      const uint8_t byte = static_cast<uint8_t>(value >> (8 * i));
      if (at >= 0xD18) nvic_.set_priority(4 + (at - 0xD18), byte);
      else nvic_.set_priority(kFirstIrq + (at - 0x400), byte);
    }
  } else {
    write_word(offset & ~3u, value << ((offset & 3u) * 8));
  }
  if (changed_) changed_();
}

uint32_t SystemControl::read_word(uint32_t offset) {
  if (offset >= 0x010 && offset < 0x020) return tick_.read(offset - 0x010, now());
  auto bits = [&](uint32_t base, auto test) {
    const unsigned first = (offset - base) * 8;
    uint32_t value = 0;
    for (unsigned i = 0; i < 32 && first + i < Nvic::kIrqs; ++i)
      if (test(first + i)) value |= 1u << i;
    return value;
  };
  if (offset >= 0x100 && offset < 0x180) return bits(0x100, [&](unsigned irq) { return nvic_.enabled_irq(irq); });
  if (offset >= 0x180 && offset < 0x200) return bits(0x180, [&](unsigned irq) { return nvic_.enabled_irq(irq); });
  if (offset >= 0x200 && offset < 0x280) return bits(0x200, [&](unsigned irq) { return nvic_.pending(kFirstIrq + irq); });
  if (offset >= 0x280 && offset < 0x300) return bits(0x280, [&](unsigned irq) { return nvic_.pending(kFirstIrq + irq); });
  if (offset >= 0x300 && offset < 0x380) return bits(0x300, [&](unsigned irq) { return nvic_.active(kFirstIrq + irq); });
  if (offset >= 0x400 && offset < 0x400 + Nvic::kIrqs) {
    uint32_t value = 0;
    for (unsigned i = 0; i < 4; ++i) value |= uint32_t(nvic_.priority_byte(kFirstIrq + offset - 0x400 + i)) << (8 * i);
    return value;
  }
  if (offset >= 0xD18 && offset < 0xD24) {
    uint32_t value = 0;
    for (unsigned i = 0; i < 4; ++i) value |= uint32_t(nvic_.priority_byte(4 + offset - 0xD18 + i)) << (8 * i);
    return value;
  }
  switch (offset) {
    case 0x004: return Nvic::kIrqs / 32 - 1;  // ICTR: INTLINESNUM
    case 0xD00: return cpuid(core_);
    case 0xD04: {  // ICSR
      uint32_t value = ipsr_ ? (ipsr_() & 0x1FFu) : 0u;
      const unsigned next = nvic_.next_to_take(false);
      value |= (next & 0x1FFu) << 12;
      if (nvic_.any_pending()) value |= 1u << 22;  // ISRPENDING (approximate: any)
      if (nvic_.pending(kSysTick)) value |= 1u << 26;
      if (nvic_.pending(kPendSv)) value |= 1u << 28;
      return value;
    }
    case 0xD08: return vtor_;
    case 0xD0C: return 0xFA050000u | (aircr_ & 0x700u);  // VECTKEYSTAT
    case 0xD10: return scr_;
    case 0xD14: return ccr_;
    case 0xD24: return shcsr_;
    case 0xD88: return cpacr_;
    case 0xD90: return 0;  // MPU_TYPE: DREGION = 0, no MPU is modelled (docs/emulator.md)
    case 0xDFC: return demcr_;
    case 0xF34: return has_fpu() ? fpccr_ : 0u;
    case 0xF38: return has_fpu() ? fpcar_ : 0u;
    default: return 0;  // FPDSCR (0xF3C) included: Unicorn gives a new FP context FPSCR = 0
  }
}

void SystemControl::write_word(uint32_t offset, uint32_t value) {
  if (offset >= 0x010 && offset < 0x020) {
    tick_.write(offset - 0x010, value, now());
    return;
  }
  auto each_bit = [&](uint32_t base, auto action) {
    const unsigned first = (offset - base) * 8;
    for (unsigned i = 0; i < 32 && first + i < Nvic::kIrqs; ++i)
      if (value & (1u << i)) action(first + i);
  };
  if (offset >= 0x100 && offset < 0x180) return each_bit(0x100, [&](unsigned irq) { nvic_.set_enabled_irq(irq, true); });
  if (offset >= 0x180 && offset < 0x200) return each_bit(0x180, [&](unsigned irq) { nvic_.set_enabled_irq(irq, false); });
  if (offset >= 0x200 && offset < 0x280) return each_bit(0x200, [&](unsigned irq) { nvic_.set_pending(kFirstIrq + irq, true); });
  if (offset >= 0x280 && offset < 0x300) return each_bit(0x280, [&](unsigned irq) { nvic_.set_pending(kFirstIrq + irq, false); });
  if ((offset >= 0x400 && offset < 0x400 + Nvic::kIrqs) || (offset >= 0xD18 && offset < 0xD24)) {
    const unsigned first = offset >= 0xD18 ? 4 + offset - 0xD18 : kFirstIrq + offset - 0x400;
    for (unsigned i = 0; i < 4; ++i) nvic_.set_priority(first + i, static_cast<uint8_t>(value >> (8 * i)));
    return;
  }
  switch (offset) {
    case 0xD04:  // ICSR
      if (value & (1u << 31)) nvic_.set_pending(kNmi, true);
      if (value & (1u << 28)) nvic_.set_pending(kPendSv, true);
      if (value & (1u << 27)) nvic_.set_pending(kPendSv, false);
      if (value & (1u << 26)) nvic_.set_pending(kSysTick, true);
      if (value & (1u << 25)) nvic_.set_pending(kSysTick, false);
      break;
    case 0xD08: vtor_ = value & ~0x7Fu; break;
    case 0xD0C:
      if ((value >> 16) == 0x05FAu) aircr_ = value & 0x704u;
      break;
    case 0xD10: scr_ = value & 0x16u; break;
    // Armv6-M: CCR is read-only, STKALIGN and UNALIGN_TRP read as one (every unaligned access faults).
    case 0xD14:
      if (core_ != CoreKind::CortexM0Plus) ccr_ = value;
      break;
    case 0xD24: shcsr_ = value; break;
    case 0xD88: cpacr_ = value; break;
    case 0xDFC: demcr_ = value; break;
    // FPCCR: only LSPEN is writable. ASPEN stays set because Unicorn always sets
    // CONTROL.FPCA on an FP instruction; LSPACT stays clear because the FP state is
    // stacked at entry (docs/emulator.md).
    case 0xF34: fpccr_ = kFpccrAspen | (value & kFpccrLspen); break;
    case 0xF38: fpcar_ = value & ~7u; break;
    default: break;
  }
}

uint64_t SystemControl::next_event_cycle() const { return tick_.next_event_cycle(); }

void SystemControl::advance_to(uint64_t cycle) {
  if (tick_.advance_to(cycle) > 0) nvic_.set_pending(kSysTick, true);
}

}  // namespace tinysim
