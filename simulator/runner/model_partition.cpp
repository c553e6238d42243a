#include "runner/model_partition.h"

namespace tinysim {

Result<ModelPartition> place_model(const Device& device, const ElfImage& firmware, uint32_t model_bytes) {
  const MemoryRegion* flash = device.flash();
  if (!flash) return make_error("device " + device.name + " has no flash region for the model", device.file);
  uint64_t firmware_end = flash->origin;
  for (const LoadSegment& s : firmware.segments) {
    const uint64_t end = uint64_t(s.load_address) + s.bytes.size();
    if (flash->contains(s.load_address) && end > firmware_end) firmware_end = end;
  }
  const uint64_t start = (firmware_end + kModelPartitionAlignment - 1) / kModelPartitionAlignment * kModelPartitionAlignment;
  ModelPartition p;
  p.address = static_cast<uint32_t>(start);
  p.size = model_bytes;
  p.capacity = start < flash->end() ? static_cast<uint32_t>(flash->end() - start) : 0;
  if (model_bytes > p.capacity) {
    Error e;
    e.message = "model needs " + format_size(model_bytes) + " of flash but " + device.name + " has " +
                format_size(p.capacity) + " left after the firmware (" + format_size(firmware_end - flash->origin) +
                " of " + format_size(flash->size) + " used by firmware, model partition at 4 KiB boundary)";
    return e;
  }
  return p;
}

}  // namespace tinysim
