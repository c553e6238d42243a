#pragma once
// Does a firmware fit a device? Flash and RAM used, or the segment that does not fit.
#include <cstdint>

#include "core/error.h"
#include "device/device.h"
#include "elf/elf_image.h"

namespace tinysim {

/// Bytes a firmware occupies on a device.
struct MemoryUsage {
  uint64_t flash_used = 0;       ///< code, constants and .data initial values (flash or code SRAM)
  uint64_t flash_available = 0;  ///< all regions holding the image (flash and code SRAM)
  uint64_t ram_used = 0;         ///< .data + .bss (+ anything else placed in SRAM)
  uint64_t ram_available = 0;    ///< all SRAM regions
  uint32_t ram_end_of_data = 0;  ///< first free byte of the main RAM after .data/.bss
};

/// Checks every load segment lies inside the device's flash or SRAM; the error
/// names the segment, its sections, its size and the region it misses.
Result<MemoryUsage> fit_to_device(const ElfImage& image, const Device& device);

}  // namespace tinysim
