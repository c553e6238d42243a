#include "machine/dwt.h"

namespace tinysim {

uint32_t Dwt::read(uint32_t offset, unsigned bytes) {
  (void)bytes;
  switch (offset) {
    case 0x0: return ctrl_;
    case 0x4: return (ctrl_ & 1u) ? static_cast<uint32_t>(now() - origin_) : frozen_;
    default: return 0;
  }
}

void Dwt::write(uint32_t offset, unsigned bytes, uint32_t value) {
  (void)bytes;
  const uint32_t count = read(0x4, 4);
  if (offset == 0x0) {
    ctrl_ = value;
    if (ctrl_ & 1u) origin_ = now() - count;
    else frozen_ = count;
  } else if (offset == 0x4) {
    frozen_ = value;
    origin_ = now() - value;
  }
}

}  // namespace tinysim
