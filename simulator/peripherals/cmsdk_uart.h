#pragma once
// Arm CMSDK APB UART (Cortex-M System Design Kit TRM, DDI 0479C, section 4.3): the
// console of Arm's MPS2 FPGA images and of QEMU's mps2-* boards. TX bytes go to a
// Console; each byte keeps the transmitter busy for one frame (10 bit times of
// BAUDDIV PCLK cycles, PCLK taken equal to the core clock), so a firmware polling
// STATE.TXFULL spends the time the real UART would cost it. No RX input, no
// interrupts (a firmware enabling them is told so in the misuse log).
#include <cstdint>

#include "peripherals/console.h"
#include "peripherals/register_block.h"

namespace tinysim {

/// Register offsets and bits (DDI 0479C, Table 4-5 and sections 4.3.2-4.3.5).
namespace cmsdk_uart {
inline constexpr uint32_t kData = 0x000;
inline constexpr uint32_t kState = 0x004;      ///< bit 0 TX full, 1 RX full, 2 TX overrun, 3 RX overrun
inline constexpr uint32_t kCtrl = 0x008;       ///< bit 0 TX enable, 1 RX enable, 2-5 interrupt enables, 6 HS test
inline constexpr uint32_t kIntStatus = 0x00C;  ///< read: INTSTATUS; write 1s: INTCLEAR
inline constexpr uint32_t kBaudDiv = 0x010;    ///< 20 bits, minimum 16
inline constexpr uint32_t kStateTxFull = 1u << 0;
inline constexpr uint32_t kStateTxOverrun = 1u << 2;
inline constexpr uint32_t kStateRxOverrun = 1u << 3;
inline constexpr uint32_t kCtrlTxEnable = 1u << 0;
inline constexpr uint32_t kCtrlInterruptEnables = 0x3Cu;
inline constexpr uint32_t kBlockSize = 0x1000;
}  // namespace cmsdk_uart

class CmsdkUart : public RegisterBlock {
 public:
  CmsdkUart(std::string name, uint32_t base, Console& output, MisuseLog& log);
  uint32_t size() const override { return cmsdk_uart::kBlockSize; }
  /// Bytes written while TX was disabled or the buffer was full: not sent.
  uint64_t lost_bytes() const { return lost_bytes_; }

 protected:
  Access read_register(uint32_t offset, uint32_t& value) override;
  Access write_register(uint32_t offset, uint32_t value) override;

 private:
  void transmit(uint8_t byte);
  /// Cycles one byte occupies the transmitter: start + 8 data + stop bits.
  uint64_t frame_cycles() const { return 10ull * bauddiv_; }
  bool tx_full() const;

  Console& output_;
  uint32_t state_ = 0;  ///< overrun bits only; TX full is derived from time
  uint32_t ctrl_ = 0;
  uint32_t bauddiv_ = 0;
  uint64_t busy_until_ = 0;  ///< cycle at which every accepted byte has been shifted out
  uint64_t lost_bytes_ = 0;
  bool warned_interrupts_ = false;
  bool warned_bauddiv_ = false;
};

}  // namespace tinysim
