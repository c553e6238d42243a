#pragma once
// Test stand-in for the SYSINFO registers the start-up code reads (the real
// block is simulator/peripherals/): ID, clock and the main RAM, nothing else.
#include <cstdint>
#include <string>

#include "hal/tinysim_regs.h"
#include "machine/peripheral.h"

namespace tinysim::test {

class BootInfoStub : public Peripheral {
 public:
  BootInfoStub(uint32_t ram_base, uint32_t ram_size) : ram_base_(ram_base), ram_size_(ram_size) {}
  std::string name() const override { return "boot info stub"; }
  uint32_t base() const override { return TS_BASE; }
  uint32_t size() const override { return TS_BLOCK_SIZE; }
  uint32_t read(uint32_t offset, unsigned) override {
    switch (offset) {
      case TS_SYSINFO_ID: return TS_ID_VALUE;
      case TS_SYSINFO_VERSION: return TS_REGS_VERSION;
      case TS_SYSINFO_CLOCK_HZ: return bus_ ? bus_->clock_hz() : 0;
      case TS_SYSINFO_RAM_BASE: return ram_base_;
      case TS_SYSINFO_RAM_SIZE: return ram_size_;
      default: return 0;
    }
  }
  void write(uint32_t, unsigned, uint32_t) override {}

 private:
  uint32_t ram_base_;
  uint32_t ram_size_;
};

}  // namespace tinysim::test
