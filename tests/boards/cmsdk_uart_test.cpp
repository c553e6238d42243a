// The CMSDK APB UART model register by register (DDI 0479C section 4.3).
#include <gtest/gtest.h>

#include "fake_bus.h"
#include "peripherals/cmsdk_uart.h"

namespace tinysim {
namespace {

using namespace cmsdk_uart;

struct UartBench {
  test::FakeBus bus{0x20000000, 16, 25000000};
  MisuseLog log;
  Console console{log};
  CmsdkUart uart{"uart0", 0x40004000, console, log};
  UartBench() { uart.attach(bus); }
  void enable(uint32_t bauddiv) {
    uart.write(kBaudDiv, 4, bauddiv);
    uart.write(kCtrl, 4, kCtrlTxEnable);
  }
};

TEST(CmsdkUart, TransmitsBytesToTheConsoleWithTheirCycle) {
  UartBench b;
  b.enable(217);
  b.bus.cycle = 100;
  b.uart.write(kData, 4, 'h');
  b.bus.cycle = 5000;
  b.uart.write(kData, 1, 'i');
  b.uart.write(kData, 4, '\n');
  EXPECT_EQ(b.console.text(), "hi\n");
  ASSERT_EQ(b.console.lines().size(), 1u);
  EXPECT_EQ(b.console.lines()[0].cycle, 100u);
  EXPECT_EQ(b.uart.lost_bytes(), 0u);
  EXPECT_TRUE(b.log.entries().empty());
}

TEST(CmsdkUart, TxFullWhileTwoFramesAreQueuedThenOverrun) {
  UartBench b;
  b.enable(16);  // one frame = 10 bits x 16 = 160 cycles
  b.uart.write(kData, 4, 'a');  // straight to the shift register
  EXPECT_EQ(b.uart.read(kState, 4) & kStateTxFull, 0u);
  b.uart.write(kData, 4, 'b');  // waits in the buffer
  EXPECT_EQ(b.uart.read(kState, 4), kStateTxFull);
  b.uart.write(kData, 4, 'c');  // buffer full: lost, TX overrun
  EXPECT_EQ(b.uart.read(kState, 4), kStateTxFull | kStateTxOverrun);
  EXPECT_EQ(b.uart.lost_bytes(), 1u);
  EXPECT_EQ(b.console.text(), "ab");
  b.bus.cycle = 160;  // 'a' is out, 'b' moves to the shift register
  EXPECT_EQ(b.uart.read(kState, 4), kStateTxOverrun);
  b.uart.write(kState, 4, kStateTxOverrun);  // write 1 to clear
  EXPECT_EQ(b.uart.read(kState, 4), 0u);
}

TEST(CmsdkUart, DisabledTxLosesTheByteAndSaysWhy) {
  UartBench b;
  b.uart.write(kBaudDiv, 4, 217);
  b.uart.write(kData, 4, 'x');
  EXPECT_EQ(b.console.text(), "");
  EXPECT_EQ(b.uart.lost_bytes(), 1u);
  ASSERT_EQ(b.log.entries().size(), 1u);
  EXPECT_EQ(b.log.entries()[0].block, "uart0");
  EXPECT_EQ(b.log.entries()[0].message, "DATA written while CTRL.TXEN (bit 0) is 0: the byte is not sent");
}

TEST(CmsdkUart, TooSmallBaudDivisorStillSendsAsQemuDoesButSaysSoOnce) {
  UartBench b;
  b.enable(8);
  b.uart.write(kData, 4, 'y');
  b.bus.cycle = 1000;
  b.uart.write(kData, 4, 'z');
  EXPECT_EQ(b.console.text(), "yz");
  ASSERT_EQ(b.log.entries().size(), 1u);
  EXPECT_EQ(b.log.entries()[0].message, "DATA written with BAUDDIV 8, below the minimum of 16 (DDI 0479C 4.3)");
}

TEST(CmsdkUart, RegistersReadBackAndIdsAreArms) {
  UartBench b;
  b.uart.write(kCtrl, 4, 0xFFu);
  EXPECT_EQ(b.uart.read(kCtrl, 4), 0x7Fu);  // 7 control bits
  ASSERT_EQ(b.log.entries().size(), 1u);
  EXPECT_EQ(b.log.entries()[0].message,
            "CTRL 0x000000ff enables UART interrupts, which TinySim does not raise (polled TX only)");
  b.uart.write(kBaudDiv, 4, 0xFFFFFFFFu);
  EXPECT_EQ(b.uart.read(kBaudDiv, 4), 0xFFFFFu);  // 20 bits
  EXPECT_EQ(b.uart.read(kData, 4), 0u);
  EXPECT_EQ(b.uart.read(kIntStatus, 4), 0u);
  EXPECT_EQ(b.uart.size(), 0x1000u);
  const uint32_t ids[12] = {0x04, 0x00, 0x00, 0x00, 0x21, 0xB8, 0x1B, 0x00, 0x0D, 0xF0, 0x05, 0xB1};
  for (uint32_t i = 0; i < 12; ++i) EXPECT_EQ(b.uart.read(0xFD0 + 4 * i, 4), ids[i]) << i;
  b.uart.write(0xFE0, 4, 1);
  EXPECT_EQ(b.log.entries().back().message, "write of 0x00000001 to read-only register 0x40004fe0");
  (void)b.uart.read(0x014, 4);
  EXPECT_EQ(b.log.entries().back().message, "read of unassigned register 0x40004014");
}

}  // namespace
}  // namespace tinysim
