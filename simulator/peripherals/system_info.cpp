#include "peripherals/system_info.h"

namespace tinysim {

SystemInfo::SystemInfo(MisuseLog& log, const SystemSettings& settings)
    : RegisterBlock("sysinfo", TS_SYSINFO_BASE, log), settings_(settings) {}

RegisterBlock::Access SystemInfo::read_register(uint32_t offset, uint32_t& value) {
  switch (offset) {
    case TS_SYSINFO_ID: value = TS_ID_VALUE; break;
    case TS_SYSINFO_VERSION: value = TS_REGS_VERSION; break;
    case TS_SYSINFO_CLOCK_HZ: value = bus_ != nullptr ? bus_->clock_hz() : 0; break;
    case TS_SYSINFO_RAM_BASE: value = settings_.ram_base; break;
    case TS_SYSINFO_RAM_SIZE: value = settings_.ram_size; break;
    case TS_SYSINFO_MODEL_ADDR: value = settings_.model_addr; break;
    case TS_SYSINFO_MODEL_SIZE: value = settings_.model_size; break;
    case TS_SYSINFO_MODE: value = settings_.mode; break;
    case TS_SYSINFO_STACK_SIZE: value = settings_.stack_size; break;
    default: return Access::kUnassigned;
  }
  return Access::kDone;
}

RegisterBlock::Access SystemInfo::write_register(uint32_t offset, uint32_t value) {
  (void)value;
  return offset <= TS_SYSINFO_STACK_SIZE ? Access::kReadOnly : Access::kUnassigned;
}

}  // namespace tinysim
