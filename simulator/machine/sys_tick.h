#pragma once
// SysTick (Armv7-M B3.3): a 24-bit down-counter clocked by the modelled core
// cycles; on reaching zero it reloads, sets COUNTFLAG and pends exception 15.
#include <cstdint>

namespace tinysim {

/// SysTick registers, computed from the simulated cycle count (never ticked).
class SysTick {
 public:
  /// Register offsets from 0xE000E010.
  static constexpr uint32_t kCsr = 0x0, kRvr = 0x4, kCvr = 0x8, kCalib = 0xC;

  uint32_t read(uint32_t offset, uint64_t now);
  void write(uint32_t offset, uint32_t value, uint64_t now);
  /// Cycle of the next wrap to zero that raises the exception, or UINT64_MAX.
  uint64_t next_event_cycle() const;
  /// Moves to `now`; returns how many times the counter wrapped with TICKINT set.
  uint64_t advance_to(uint64_t now);
  bool enabled() const { return csr_ & 1u; }

 private:
  uint32_t current(uint64_t now) const;
  uint32_t csr_ = 0;   ///< ENABLE, TICKINT, CLKSOURCE (COUNTFLAG kept apart)
  uint32_t reload_ = 0;
  bool count_flag_ = false;
  uint64_t next_wrap_ = 0;  ///< cycle the counter next reads zero (valid when enabled)
  uint32_t stopped_value_ = 0;
};

}  // namespace tinysim
