#pragma once
// A microcontroller as TinySim sees it: core, clock and memory regions, each
// figure with the datasheet it came from.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "device/core_kind.h"

namespace tinysim {

/// Flash is read/execute only for the firmware; SRAM is read/write/execute.
/// Code SRAM is where boards without flash (Arm's MPS2 FPGA images) hold the
/// program: loaded from the ELF and booted from like flash, writable like SRAM.
enum class MemoryKind { Flash, Sram, CodeSram };

/// One contiguous block of on-chip memory at its real address.
struct MemoryRegion {
  std::string name;   ///< e.g. "flash", "sram1"
  MemoryKind kind = MemoryKind::Sram;
  uint32_t origin = 0;
  uint32_t size = 0;  ///< bytes
  std::string source; ///< datasheet document and section for origin and size

  uint64_t end() const { return uint64_t(origin) + size; }
  /// Flash or code SRAM: the program image and its vector table live here.
  bool holds_image() const { return kind != MemoryKind::Sram; }
  bool contains(uint32_t address, uint64_t bytes = 1) const {
    return address >= origin && address + bytes <= end();
  }
};

/// Another address range showing the memory of a region, as chips mirror flash at
/// 0x0000 0000 for booting or an SRAM bank next to another: writes through one
/// address are seen through the other, and code runs from either.
struct MemoryAlias {
  std::string name;    ///< e.g. "flash boot alias"
  std::string target;  ///< the region it shows (MemoryRegion::name)
  uint32_t origin = 0;
  uint32_t size = 0;   ///< bytes, from the start of the target
  bool boot = false;   ///< the vector table is read through it at reset (VTOR's reset value)
  std::string source;  ///< reference manual section

  uint64_t end() const { return uint64_t(origin) + size; }
  bool contains(uint32_t address, uint64_t bytes = 1) const {
    return address >= origin && address + bytes <= end();
  }
};

/// A chip from devices/<name>.yaml.
struct Device {
  std::string name;          ///< file stem, e.g. "stm32l476rg"
  std::string description;   ///< human title, e.g. "STM32L476RG (Nucleo-L476RG)"
  CoreKind core = CoreKind::CortexM4;
  uint32_t clock_hz = 0;     ///< default core clock
  uint32_t clock_min_hz = 0;  ///< lowest core clock the chip runs at (0: not given)
  uint32_t clock_max_hz = 0;  ///< highest core clock the chip runs at (0: not given)
  std::string clock_source;  ///< where clock_hz comes from
  std::string regulator;     ///< the regulator mode the energy model uses (power: regulators); empty: the file's default
  std::vector<MemoryRegion> memory;
  std::vector<MemoryAlias> aliases;
  std::string file;          ///< the YAML it was read from

  /// The first region holding the image (flash, or code SRAM on boards without
  /// flash): where the vector table is; nullptr if none.
  const MemoryRegion* flash() const;
  /// The SRAM as one RAM per run of banks at adjacent addresses, in address order:
  /// e.g. DTCM, SRAM1 and SRAM2 of the STM32F746 are one 320 KiB block named
  /// "dtcm+sram1+sram2" (its source lists the banks' sources).
  std::vector<MemoryRegion> ram_blocks() const;
  /// The RAM the firmware links to, plans its arena in and puts its stack at the
  /// top of: the block at 0x20000000 if there is one, else the first block.
  std::optional<MemoryRegion> main_ram() const;
  /// The region holding [address, address+bytes), or nullptr (aliases not included).
  const MemoryRegion* region_at(uint32_t address, uint64_t bytes = 1) const;
  /// The memory holding `address`: its RAM block (adjacent SRAM banks as one), else
  /// its region.
  std::optional<MemoryRegion> memory_at(uint32_t address) const;
  /// True when [address, address+bytes) is memory: inside one region, or running
  /// across adjacent SRAM banks of one RAM block.
  bool holds(uint32_t address, uint64_t bytes) const;
  /// The region an address shows, through an alias or not: [address, address+bytes)
  /// must lie in one region or one alias. `region_address` gets the address in the region.
  const MemoryRegion* region_or_alias_at(uint32_t address, uint64_t bytes, uint32_t& region_address) const;
  /// Where the core reads its vector table at reset (VTOR's reset value): the boot
  /// alias if there is one, else the start of flash.
  uint32_t boot_address() const;
  /// The region called `region_name`, or nullptr.
  const MemoryRegion* region_named(const std::string& region_name) const;
  /// Total bytes of all regions of a kind.
  uint64_t total(MemoryKind kind) const;
  /// Total bytes of all regions holding the image (flash and code SRAM).
  uint64_t image_total() const { return total(MemoryKind::Flash) + total(MemoryKind::CodeSram); }
  /// Empty when the chip runs its core at `hz`; else why not ("nrf52840 runs its core at
  /// 64 MHz only (nRF52840 Product Specification ...)").
  std::string clock_refusal(uint64_t hz) const;
  /// The firmware link layout for this chip, e.g. "08000000-20000000".
  std::string firmware_layout() const;
};

/// "96 KiB", "1 MiB", "612 bytes" — sizes as a user reads them.
std::string format_size(uint64_t bytes);
/// "0x20000000" — an address as the datasheets' memory maps print it.
std::string format_address(uint64_t address);

}  // namespace tinysim
