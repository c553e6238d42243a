#pragma once
// The model's flash partition: the first 4 KiB page boundary after the firmware's
// flash bytes, as real deployments keep the model apart for over-the-air updates.
#include <cstdint>

#include "core/error.h"
#include "device/device.h"
#include "elf/elf_image.h"

namespace tinysim {

struct ModelPartition {
  uint32_t address = 0;
  uint32_t size = 0;       ///< bytes of model placed there
  uint32_t capacity = 0;   ///< bytes of flash from address to the end of flash
};

inline constexpr uint32_t kModelPartitionAlignment = 4096;

/// Places `model_bytes` after the firmware; an error says how much flash is missing.
Result<ModelPartition> place_model(const Device& device, const ElfImage& firmware, uint32_t model_bytes);

}  // namespace tinysim
