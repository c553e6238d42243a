#include "peripherals/cmsdk_uart.h"

#include <algorithm>

namespace tinysim {
namespace {

using namespace cmsdk_uart;

/// Peripheral and component ID registers 0xFD0-0xFFC (DDI 0479C, Table 4-5):
/// PID4-PID7, PID0-PID3, CID0-CID3.
constexpr uint32_t kIdBase = 0xFD0;
constexpr uint32_t kIds[12] = {0x04, 0x00, 0x00, 0x00, 0x21, 0xB8, 0x1B, 0x00, 0x0D, 0xF0, 0x05, 0xB1};

}  // namespace

CmsdkUart::CmsdkUart(std::string name, uint32_t base, Console& output, MisuseLog& log)
    : RegisterBlock(std::move(name), base, log), output_(output) {}

bool CmsdkUart::tx_full() const {
  // One byte in the shift register and one in the buffer: the buffer is full
  // while more than one frame is still to go.
  return busy_until_ > now() + frame_cycles();
}

RegisterBlock::Access CmsdkUart::read_register(uint32_t offset, uint32_t& value) {
  switch (offset) {
    case kData: value = 0; return Access::kDone;  // nothing is ever received
    case kState: value = state_ | (tx_full() ? kStateTxFull : 0u); return Access::kDone;
    case kCtrl: value = ctrl_; return Access::kDone;
    case kIntStatus: value = 0; return Access::kDone;
    case kBaudDiv: value = bauddiv_; return Access::kDone;
    default: break;
  }
  if (offset >= kIdBase && offset < kBlockSize) {
    value = kIds[(offset - kIdBase) / 4];
    return Access::kDone;
  }
  return Access::kUnassigned;
}

RegisterBlock::Access CmsdkUart::write_register(uint32_t offset, uint32_t value) {
  switch (offset) {
    case kData: transmit(static_cast<uint8_t>(value & 0xFFu)); return Access::kDone;
    case kState: state_ &= ~(value & (kStateTxOverrun | kStateRxOverrun)); return Access::kDone;
    case kCtrl:
      ctrl_ = value & 0x7Fu;
      if ((ctrl_ & kCtrlInterruptEnables) && !warned_interrupts_) {
        warned_interrupts_ = true;
        misuse("CTRL " + hex32(value) + " enables UART interrupts, which TinySim does not raise (polled TX only)");
      }
      return Access::kDone;
    case kIntStatus: return Access::kDone;  // INTCLEAR: no interrupt is ever pending
    case kBaudDiv: bauddiv_ = value & 0xFFFFFu; return Access::kDone;
    default: break;
  }
  if (offset >= kIdBase && offset < kBlockSize) return Access::kReadOnly;
  return Access::kUnassigned;
}

void CmsdkUart::transmit(uint8_t byte) {
  if (!(ctrl_ & kCtrlTxEnable)) {
    ++lost_bytes_;
    misuse("DATA written while CTRL.TXEN (bit 0) is 0: the byte is not sent");
    return;
  }
  if (bauddiv_ < 16 && !warned_bauddiv_) {
    // Sent anyway, as QEMU does (it logs a guest error); the chip's TRM forbids it.
    warned_bauddiv_ = true;
    misuse("DATA written with BAUDDIV " + std::to_string(bauddiv_) + ", below the minimum of 16 (DDI 0479C 4.3)");
  }
  if (tx_full()) {
    ++lost_bytes_;
    state_ |= kStateTxOverrun;
    return;
  }
  busy_until_ = std::max(busy_until_, now()) + frame_cycles();
  output_.put(byte, now());
}

}  // namespace tinysim
