// libFuzzer target for the firmware ELF loader (simulator/elf): any bytes must give an
// error naming the file, or an image whose segments fit the input, whose build
// attributes and symbols can be used.
#include <stddef.h>
#include <stdint.h>

#include <vector>

#include "elf/arm_build_attributes.h"
#include "elf/elf_image.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::vector<uint8_t> bytes(data, data + size);
  auto elf = tinysim::parse_elf(bytes, "fuzz.elf");
  if (!elf) {
    if (elf.error().file != "fuzz.elf" || elf.error().message.empty()) __builtin_trap();  // must say what
    return 0;
  }
  for (const tinysim::LoadSegment& s : elf->segments)
    if (s.bytes.size() > size || s.bytes.size() > s.memory_size) __builtin_trap();
  const tinysim::ArmBuildTarget target = tinysim::read_build_target(elf->arm_attributes);
  (void)tinysim::core_mismatch(tinysim::CoreKind::CortexM0Plus, target);
  (void)elf->symbols.describe(elf->entry);
  return 0;
}
