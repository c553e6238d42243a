#include "elf/elf_image.h"

#include <elf.h>

#include <cstring>
#include <fstream>
#include <iterator>

namespace tinysim {
namespace {

/// Bounds-checked little-endian reads from the file bytes.
class Reader {
 public:
  explicit Reader(const std::vector<uint8_t>& bytes) : bytes_(bytes) {}
  bool has(uint64_t offset, uint64_t count) const { return offset + count <= bytes_.size(); }
  uint16_t u16(uint64_t offset) const { return static_cast<uint16_t>(bytes_[offset] | bytes_[offset + 1] << 8); }
  uint32_t u32(uint64_t offset) const {
    return uint32_t(bytes_[offset]) | uint32_t(bytes_[offset + 1]) << 8 |
           uint32_t(bytes_[offset + 2]) << 16 | uint32_t(bytes_[offset + 3]) << 24;
  }
  std::string string_at(uint64_t offset, uint64_t limit) const {
    std::string out;
    while (offset < limit && offset < bytes_.size() && bytes_[offset] != 0)
      out.push_back(static_cast<char>(bytes_[offset++]));
    return out;
  }

 private:
  const std::vector<uint8_t>& bytes_;
};

Error bad(const std::string& file, const std::string& message) { return Error{message, file, 0, 0, ""}; }

std::string hex(uint64_t value) {
  char text[24];
  std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(value));
  return text;
}

}  // namespace

const Section* ElfImage::section(const std::string& name) const {
  for (const auto& s : sections)
    if (s.name == name) return &s;
  return nullptr;
}

Result<ElfImage> parse_elf(const std::vector<uint8_t>& bytes, const std::string& file) {
  const Reader in(bytes);
  if (!in.has(0, 4) || std::memcmp(bytes.data(), ELFMAG, SELFMAG) != 0)
    return bad(file, "not an ELF file (no \\x7fELF magic)");
  if (!in.has(0, sizeof(Elf32_Ehdr)))
    return bad(file, "truncated ELF header: " + std::to_string(bytes.size()) + " bytes, expected at least " +
                         std::to_string(sizeof(Elf32_Ehdr)));
  if (bytes[EI_CLASS] != ELFCLASS32)
    return bad(file, bytes[EI_CLASS] == ELFCLASS64 ? "64-bit ELF; expected a 32-bit Arm Cortex-M executable"
                                                   : "unknown ELF class; expected 32-bit");
  if (bytes[EI_DATA] != ELFDATA2LSB)
    return bad(file, "big-endian ELF; expected little-endian (Cortex-M firmware is little-endian)");
  const uint16_t type = in.u16(offsetof(Elf32_Ehdr, e_type));
  const uint16_t machine = in.u16(offsetof(Elf32_Ehdr, e_machine));
  if (machine != EM_ARM)
    return bad(file, "ELF machine " + std::to_string(machine) + " is not Arm (EM_ARM = 40); build with arm-none-eabi-gcc");
  if (type != ET_EXEC)
    return bad(file, "ELF type " + std::to_string(type) + " is not an executable (ET_EXEC); link the firmware first");

  ElfImage image;
  image.file = file;
  image.entry = in.u32(offsetof(Elf32_Ehdr, e_entry));
  const uint32_t phoff = in.u32(offsetof(Elf32_Ehdr, e_phoff));
  const uint32_t shoff = in.u32(offsetof(Elf32_Ehdr, e_shoff));
  const uint16_t phentsize = in.u16(offsetof(Elf32_Ehdr, e_phentsize));
  const uint16_t phnum = in.u16(offsetof(Elf32_Ehdr, e_phnum));
  const uint16_t shentsize = in.u16(offsetof(Elf32_Ehdr, e_shentsize));
  const uint16_t shnum = in.u16(offsetof(Elf32_Ehdr, e_shnum));
  const uint16_t shstrndx = in.u16(offsetof(Elf32_Ehdr, e_shstrndx));
  if (phnum == 0) return bad(file, "no program headers: nothing to load");
  if (phentsize != sizeof(Elf32_Phdr) || !in.has(phoff, uint64_t(phnum) * phentsize))
    return bad(file, "truncated: program headers at " + hex(phoff) + " run past the end of the file (" +
                         std::to_string(bytes.size()) + " bytes)");

  // Sections first, so segments can say which sections they hold.
  if (shnum > 0) {
    if (shentsize != sizeof(Elf32_Shdr) || !in.has(shoff, uint64_t(shnum) * shentsize))
      return bad(file, "truncated: section headers at " + hex(shoff) + " run past the end of the file (" +
                           std::to_string(bytes.size()) + " bytes)");
    auto header = [&](unsigned i) { return uint64_t(shoff) + uint64_t(i) * shentsize; };
    uint64_t names = 0, names_end = 0;
    if (shstrndx < shnum) {
      names = in.u32(header(shstrndx) + offsetof(Elf32_Shdr, sh_offset));
      names_end = names + in.u32(header(shstrndx) + offsetof(Elf32_Shdr, sh_size));
      if (!in.has(names, names_end - names)) return bad(file, "truncated: section name table runs past the end of the file");
    }
    for (unsigned i = 0; i < shnum; ++i) {
      const uint64_t h = header(i);
      Section s;
      s.name = names_end ? in.string_at(names + in.u32(h + offsetof(Elf32_Shdr, sh_name)), names_end) : "";
      s.address = in.u32(h + offsetof(Elf32_Shdr, sh_addr));
      s.size = in.u32(h + offsetof(Elf32_Shdr, sh_size));
      const uint32_t flags = in.u32(h + offsetof(Elf32_Shdr, sh_flags));
      const uint32_t kind = in.u32(h + offsetof(Elf32_Shdr, sh_type));
      s.allocated = (flags & SHF_ALLOC) != 0;
      s.no_bits = kind == SHT_NOBITS;
      image.sections.push_back(s);

      if (kind == SHT_ARM_ATTRIBUTES) {  // what the code was built for (arm_build_attributes.h)
        const uint32_t offset = in.u32(h + offsetof(Elf32_Shdr, sh_offset));
        if (!in.has(offset, s.size)) return bad(file, "truncated: .ARM.attributes runs past the end of the file");
        image.arm_attributes.assign(bytes.begin() + offset, bytes.begin() + offset + s.size);
      }
      if (kind != SHT_SYMTAB) continue;
      const uint32_t offset = in.u32(h + offsetof(Elf32_Shdr, sh_offset));
      const uint32_t size = in.u32(h + offsetof(Elf32_Shdr, sh_size));
      const uint32_t link = in.u32(h + offsetof(Elf32_Shdr, sh_link));
      if (!in.has(offset, size) || link >= shnum)
        return bad(file, "truncated: symbol table runs past the end of the file");
      const uint64_t strings = in.u32(header(link) + offsetof(Elf32_Shdr, sh_offset));
      const uint64_t strings_end = strings + in.u32(header(link) + offsetof(Elf32_Shdr, sh_size));
      if (!in.has(strings, strings_end - strings)) return bad(file, "truncated: symbol names run past the end of the file");
      for (uint64_t at = offset; at + sizeof(Elf32_Sym) <= uint64_t(offset) + size; at += sizeof(Elf32_Sym)) {
        const unsigned info = bytes[at + offsetof(Elf32_Sym, st_info)];
        const unsigned sym_type = ELF32_ST_TYPE(info);
        if (sym_type != STT_FUNC && sym_type != STT_OBJECT && sym_type != STT_NOTYPE) continue;
        Symbol symbol;
        symbol.name = in.string_at(strings + in.u32(at + offsetof(Elf32_Sym, st_name)), strings_end);
        if (symbol.name.empty() || symbol.name[0] == '$') continue;  // Arm mapping symbols
        symbol.function = sym_type == STT_FUNC;
        symbol.address = in.u32(at + offsetof(Elf32_Sym, st_value)) & (symbol.function ? ~1u : ~0u);
        symbol.size = in.u32(at + offsetof(Elf32_Sym, st_size));
        image.symbols.add(std::move(symbol));
      }
    }
    image.symbols.finish();
  }

  for (unsigned i = 0; i < phnum; ++i) {
    const uint64_t h = phoff + uint64_t(i) * phentsize;
    if (in.u32(h + offsetof(Elf32_Phdr, p_type)) != PT_LOAD) continue;
    LoadSegment seg;
    seg.index = static_cast<int>(i);
    seg.load_address = in.u32(h + offsetof(Elf32_Phdr, p_paddr));
    seg.run_address = in.u32(h + offsetof(Elf32_Phdr, p_vaddr));
    seg.memory_size = in.u32(h + offsetof(Elf32_Phdr, p_memsz));
    const uint32_t offset = in.u32(h + offsetof(Elf32_Phdr, p_offset));
    const uint32_t file_size = in.u32(h + offsetof(Elf32_Phdr, p_filesz));
    const uint32_t flags = in.u32(h + offsetof(Elf32_Phdr, p_flags));
    seg.writable = (flags & PF_W) != 0;
    seg.executable = (flags & PF_X) != 0;
    for (const auto& s : image.sections)
      if (s.allocated && s.size > 0 && s.address >= seg.run_address &&
          uint64_t(s.address) + s.size <= uint64_t(seg.run_address) + seg.memory_size)
        seg.sections += (seg.sections.empty() ? "" : " ") + s.name;
    if (file_size > seg.memory_size)
      return bad(file, "segment " + std::to_string(i) + " has more file bytes than memory bytes");
    if (!in.has(offset, file_size))
      return bad(file, "truncated: segment " + std::to_string(i) + (seg.sections.empty() ? "" : " (" + seg.sections + ")") +
                           " needs bytes " + hex(offset) + ".." + hex(uint64_t(offset) + file_size) +
                           " but the file has only " + std::to_string(bytes.size()) + " bytes");
    seg.bytes.assign(bytes.begin() + offset, bytes.begin() + offset + file_size);
    image.segments.push_back(std::move(seg));
  }
  if (image.segments.empty()) return bad(file, "no loadable (PT_LOAD) segments");
  return image;
}

Result<ElfImage> load_elf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return bad(path, "cannot open firmware file");
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parse_elf(bytes, path);
}

}  // namespace tinysim
