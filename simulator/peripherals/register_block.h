#pragma once
// Common ground of TinySim's register blocks: 32-bit registers in a 256-byte window,
// 8/16-bit accesses mapped onto them, time caught up before every access (so a
// register read mid-block sees exact simulated time), and misuse recorded, not fatal.
#include <cstdint>
#include <string>

#include "machine/peripheral.h"
#include "peripherals/firmware_misuse.h"

namespace tinysim {

inline constexpr uint32_t kRegisterBlockSize = 0x100;

class RegisterBlock : public Peripheral {
 public:
  RegisterBlock(std::string name, uint32_t base, MisuseLog& log);
  std::string name() const override { return name_; }
  uint32_t base() const override { return base_; }
  uint32_t size() const override { return kRegisterBlockSize; }
  /// Narrow reads return the addressed bytes of the 32-bit register.
  uint32_t read(uint32_t offset, unsigned bytes) final;
  /// Narrow writes at a register's address write the zero-extended value.
  void write(uint32_t offset, unsigned bytes, uint32_t value) final;

 protected:
  enum class Access { kDone, kReadOnly, kWriteOnly, kUnassigned };
  /// Reads the register at word offset `offset`; kUnassigned/kWriteOnly leave `value` 0.
  virtual Access read_register(uint32_t offset, uint32_t& value) = 0;
  virtual Access write_register(uint32_t offset, uint32_t value) = 0;

  /// Simulated cycle now (0 before attach).
  uint64_t now() const;
  void misuse(const std::string& message);

 private:
  std::string name_;
  uint32_t base_;
  MisuseLog& log_;
};

}  // namespace tinysim
