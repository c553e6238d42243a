#pragma once
// The one owner of a uc_engine*: opens it for a Cortex-M core, closes it in the
// destructor, and turns every uc_err into a tinysim::Error with context.
#include <unicorn/unicorn.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "device/core_kind.h"

namespace tinysim {

/// RAII Unicorn engine in Thumb mode with the CPU model of a core.
class UnicornEngine {
 public:
  UnicornEngine() = default;
  ~UnicornEngine();
  UnicornEngine(const UnicornEngine&) = delete;
  UnicornEngine& operator=(const UnicornEngine&) = delete;

  /// uc_open(UC_MODE_THUMB) + uc_ctl_set_cpu_model (M0+ runs on Unicorn's M0).
  Status open(CoreKind core);
  uc_engine* get() const { return uc_; }

  /// Maps zeroed memory the engine owns on the host (so aliases can share it).
  Status map(uint32_t address, uint32_t size, uint32_t perms, const std::string& what);
  /// Maps [address, address+size) onto the same host memory as [target, target+size),
  /// already mapped by map(): a write through either is seen through both.
  Status map_alias(uint32_t address, uint32_t target, uint32_t size, uint32_t perms, const std::string& what);
  Status map_mmio(uint32_t address, uint32_t size, uc_cb_mmio_read_t on_read, uc_cb_mmio_write_t on_write,
                  void* user, const std::string& what);
  Status write(uint32_t address, const void* bytes, size_t size, const std::string& what);
  Status read(uint32_t address, void* bytes, size_t size, const std::string& what) const;
  /// Hot-path register access: callers know the register exists.
  uint32_t reg(int id) const;
  void set_reg(int id, uint32_t value);
  Status add_hook(uc_hook& handle, int type, void* callback, void* user, uint64_t begin = 1, uint64_t end = 0,
                  int extra = 0);
  /// Runs from `pc` (Thumb bit added) until a stop or `until`; the uc_err is
  /// returned raw because the machine turns each kind into its own report.
  uc_err start(uint32_t pc, uint32_t until = 0xFFFFFFFFu);
  void stop();

  /// "what: uc_strerror(err)" as an Error.
  static Error error(uc_err err, const std::string& what);

 private:
  /// Host memory behind map(): freed after uc_close.
  struct HostBlock {
    uint32_t address;
    uint32_t size;
    void* memory;
  };
  uc_engine* uc_ = nullptr;
  std::vector<HostBlock> blocks_;
};

}  // namespace tinysim
