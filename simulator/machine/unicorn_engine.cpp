#include "machine/unicorn_engine.h"

#include <sys/mman.h>

#include <cstdio>

namespace tinysim {

UnicornEngine::~UnicornEngine() {
  if (uc_) uc_close(uc_);
  for (const HostBlock& block : blocks_) munmap(block.memory, block.size);
}

Error UnicornEngine::error(uc_err err, const std::string& what) {
  return Error{what + ": " + uc_strerror(err), "", 0, 0, ""};
}

Status UnicornEngine::open(CoreKind core) {
  if (uc_) return Error{"Unicorn engine opened twice", "", 0, 0, ""};
  // UC_MODE_MCLASS would force a Cortex-M33 whatever the model (UNICORN-NOTES trap 1).
  if (uc_err err = uc_open(UC_ARCH_ARM, UC_MODE_THUMB, &uc_)) {
    uc_ = nullptr;
    return error(err, "opening Unicorn for " + core_name(core));
  }
  int model = UC_CPU_ARM_CORTEX_M4;
  switch (core) {
    case CoreKind::CortexM0Plus: model = UC_CPU_ARM_CORTEX_M0; break;  // no M0+ model
    case CoreKind::CortexM3: model = UC_CPU_ARM_CORTEX_M3; break;
    case CoreKind::CortexM4: model = UC_CPU_ARM_CORTEX_M4; break;
    case CoreKind::CortexM7: model = UC_CPU_ARM_CORTEX_M7; break;
    case CoreKind::CortexM33: model = UC_CPU_ARM_CORTEX_M33; break;
  }
  if (uc_err err = uc_ctl_set_cpu_model(uc_, model))
    return error(err, "selecting the " + core_name(core) + " CPU model");
  return std::nullopt;
}

Status UnicornEngine::map(uint32_t address, uint32_t size, uint32_t perms, const std::string& what) {
  // Anonymous pages: zeroed, page-aligned and committed only when touched, as
  // uc_mem_map's own would be.
  void* memory = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (memory == MAP_FAILED) return Error{"mapping " + what + ": out of host memory", "", 0, 0, ""};
  if (uc_err err = uc_mem_map_ptr(uc_, address, size, perms, memory)) {
    munmap(memory, size);
    return error(err, "mapping " + what);
  }
  blocks_.push_back({address, size, memory});
  return std::nullopt;
}

Status UnicornEngine::map_alias(uint32_t address, uint32_t target, uint32_t size, uint32_t perms,
                                const std::string& what) {
  for (const HostBlock& block : blocks_) {
    if (target < block.address || uint64_t(target) + size > uint64_t(block.address) + block.size) continue;
    if (uc_err err = uc_mem_map_ptr(uc_, address, size, perms, static_cast<char*>(block.memory) + (target - block.address)))
      return error(err, "mapping " + what);
    return std::nullopt;
  }
  char text[64];
  std::snprintf(text, sizeof text, ": nothing mapped at 0x%08x-0x%08x to alias", target, target + size - 1);
  return Error{"mapping " + what + text, "", 0, 0, ""};
}

Status UnicornEngine::map_mmio(uint32_t address, uint32_t size, uc_cb_mmio_read_t on_read,
                               uc_cb_mmio_write_t on_write, void* user, const std::string& what) {
  if (uc_err err = uc_mmio_map(uc_, address, size, on_read, user, on_write, user))
    return error(err, "mapping peripheral " + what);
  return std::nullopt;
}

Status UnicornEngine::write(uint32_t address, const void* bytes, size_t size, const std::string& what) {
  if (uc_err err = uc_mem_write(uc_, address, bytes, size)) return error(err, "writing " + what);
  return std::nullopt;
}

Status UnicornEngine::read(uint32_t address, void* bytes, size_t size, const std::string& what) const {
  if (uc_err err = uc_mem_read(uc_, address, bytes, size)) return error(err, "reading " + what);
  return std::nullopt;
}

uint32_t UnicornEngine::reg(int id) const {
  uint32_t value = 0;
  uc_reg_read(uc_, id, &value);
  return value;
}

void UnicornEngine::set_reg(int id, uint32_t value) { uc_reg_write(uc_, id, &value); }

Status UnicornEngine::add_hook(uc_hook& handle, int type, void* callback, void* user, uint64_t begin,
                               uint64_t end, int extra) {
  uc_err err = extra ? uc_hook_add(uc_, &handle, type, callback, user, begin, end, extra)
                     : uc_hook_add(uc_, &handle, type, callback, user, begin, end);
  if (err) return error(err, "adding hook type " + std::to_string(type));
  return std::nullopt;
}

uc_err UnicornEngine::start(uint32_t pc, uint32_t until) { return uc_emu_start(uc_, pc | 1u, until, 0, 0); }

void UnicornEngine::stop() { uc_emu_stop(uc_); }

}  // namespace tinysim
