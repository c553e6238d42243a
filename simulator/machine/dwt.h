#pragma once
// DWT at 0xE0001000: CYCCNT returns the modelled cycle count (Armv7-M C1.8).
#include <cstdint>
#include <string>

#include "machine/peripheral.h"

namespace tinysim {

/// DWT_CTRL and DWT_CYCCNT; the comparators are not modelled (they read zero).
/// Armv6-M (M0+) has no CYCCNT in hardware; TinySim provides it on every core.
class Dwt : public Peripheral {
 public:
  static constexpr uint32_t kBase = 0xE0001000u;
  std::string name() const override { return "DWT"; }
  uint32_t base() const override { return kBase; }
  uint32_t size() const override { return 0x1000; }
  uint32_t read(uint32_t offset, unsigned bytes) override;
  void write(uint32_t offset, unsigned bytes, uint32_t value) override;

 private:
  uint64_t now() const { return bus_ ? bus_->now_cycles() : 0; }
  uint32_t ctrl_ = 0;
  uint32_t frozen_ = 0;   ///< CYCCNT while disabled
  uint64_t origin_ = 0;   ///< cycle at which CYCCNT would have read 0 (while enabled)
};

}  // namespace tinysim
