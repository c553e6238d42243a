#pragma once
// SYSINFO: what the host tells the firmware about the machine at boot (clock, RAM,
// model partition, mode, stack size). Read-only; values come from the machine and
// scenario, the clock from the machine bus so there is one clock for everything.
#include <cstdint>

#include "hal/tinysim_regs.h"
#include "peripherals/register_block.h"

namespace tinysim {

struct SystemSettings {
  uint32_t ram_base = 0;     ///< the RAM the firmware is linked for (Device::main_ram(): adjacent banks as one)
  uint32_t ram_size = 0;
  uint32_t model_addr = 0;   ///< model partition in flash, 0 = no model
  uint32_t model_size = 0;   ///< bytes of .tflite in it
  uint32_t mode = TS_MODE_SCENARIO;
  uint32_t stack_size = 4096;  ///< bytes the firmware keeps for its stack below RAM end
};

class SystemInfo : public RegisterBlock {
 public:
  SystemInfo(MisuseLog& log, const SystemSettings& settings);
  const SystemSettings& settings() const { return settings_; }

 protected:
  Access read_register(uint32_t offset, uint32_t& value) override;
  Access write_register(uint32_t offset, uint32_t value) override;

 private:
  SystemSettings settings_;
};

}  // namespace tinysim
