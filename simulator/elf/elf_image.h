#pragma once
// A firmware ELF in memory: what to load where, and the names of things.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "elf/symbols.h"

namespace tinysim {

/// One PT_LOAD program header with its bytes.
struct LoadSegment {
  int index = 0;               ///< program header number
  std::string sections;        ///< names of the sections inside, e.g. ".text .ARM.exidx"
  uint32_t load_address = 0;   ///< p_paddr: where the bytes go (flash for .data)
  uint32_t run_address = 0;    ///< p_vaddr: where the code sees them
  uint32_t memory_size = 0;    ///< p_memsz (>= bytes.size(); the rest is zero)
  bool writable = false;
  bool executable = false;
  std::vector<uint8_t> bytes;  ///< p_filesz bytes from the file
};

/// One section header (names and extents only).
struct Section {
  std::string name;
  uint32_t address = 0;
  uint32_t size = 0;
  bool allocated = false;  ///< SHF_ALLOC
  bool no_bits = false;    ///< SHT_NOBITS (.bss)
};

/// A parsed ELF32 little-endian Arm executable.
struct ElfImage {
  std::string file;
  uint32_t entry = 0;
  std::vector<LoadSegment> segments;
  std::vector<Section> sections;
  SymbolTable symbols;
  std::vector<uint8_t> arm_attributes;  ///< the .ARM.attributes section (build attributes); empty if none

  const Section* section(const std::string& name) const;
};

/// Reads and parses an ELF file. Errors name the file and what is wrong.
Result<ElfImage> load_elf(const std::string& path);
/// Parses ELF bytes; `file` is used only in messages.
Result<ElfImage> parse_elf(const std::vector<uint8_t>& bytes, const std::string& file);

}  // namespace tinysim
