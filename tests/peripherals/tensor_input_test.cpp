#include "peripherals/tensor_input.h"

#include <gtest/gtest.h>

#include "fake_bus.h"
#include "hal/tinysim_regs.h"

namespace tinysim {
namespace {

constexpr uint32_t kRam = 0x20000000;

TEST(TensorInput, CopiesInputsInOrderAndReportsMismatches) {
  test::FakeBus bus(kRam, 256, 1000000);
  MisuseLog log;
  TensorInput input(log, {{1, 2, 3, 4}, {9, 8, 7}, {0xAA, 0xBB, 0xCC, 0xDD}});
  input.attach(bus);
  EXPECT_EQ(input.read(TS_INPUT_COUNT, 4), 3u);
  input.write(TS_INPUT_ADDR, 4, kRam + 0x10);
  input.write(TS_INPUT_LEN, 4, 4);
  input.write(TS_INPUT_REQUEST, 4, 1);
  EXPECT_EQ(input.read(TS_INPUT_REQUEST, 4), TS_INPUT_COPIED);
  EXPECT_EQ(std::vector<uint8_t>(bus.ram.begin() + 0x10, bus.ram.begin() + 0x15),
            (std::vector<uint8_t>{1, 2, 3, 4, 0}));
  EXPECT_EQ(input.last_copied(), 0);

  bus.cycle = 50;
  input.write(TS_INPUT_REQUEST, 4, 1);
  EXPECT_EQ(input.read(TS_INPUT_REQUEST, 4), TS_INPUT_SIZE_MISMATCH);
  EXPECT_EQ(bus.ram[0x10], 1u);  // nothing copied
  ASSERT_EQ(log.entries().size(), 1u);
  EXPECT_EQ(log.entries()[0].cycle, 50u);
  EXPECT_EQ(log.entries()[0].block, "input");
  EXPECT_EQ(log.entries()[0].message, "input 1 has 3 bytes, the firmware's input tensor holds 4; input skipped");

  input.write(TS_INPUT_REQUEST, 4, 1);
  EXPECT_EQ(input.read(TS_INPUT_REQUEST, 4), TS_INPUT_COPIED);
  EXPECT_EQ(bus.ram[0x13], 0xDDu);
  EXPECT_EQ(input.last_copied(), 2);
  EXPECT_TRUE(input.exhausted());
  input.write(TS_INPUT_REQUEST, 4, 1);
  EXPECT_EQ(input.read(TS_INPUT_REQUEST, 4), TS_INPUT_NONE_LEFT);
  EXPECT_EQ(input.mismatched(), (std::vector<size_t>{1}));
  EXPECT_EQ(input.consumed(), 3u);
}

TEST(TensorInput, BadAddressCopiesNothingAndKeepsTheInput) {
  test::FakeBus bus(kRam, 256, 1000000);
  MisuseLog log;
  TensorInput input(log, {{1, 2, 3, 4}});
  input.attach(bus);
  input.write(TS_INPUT_ADDR, 4, kRam + 254);
  input.write(TS_INPUT_LEN, 4, 4);
  input.write(TS_INPUT_REQUEST, 4, 1);
  EXPECT_EQ(input.read(TS_INPUT_REQUEST, 4), TS_INPUT_BAD_ADDRESS);
  EXPECT_EQ(input.consumed(), 0u);
  ASSERT_EQ(log.entries().size(), 1u);
  EXPECT_EQ(log.entries()[0].message, "input 0 (4 bytes) cannot be copied to 0x200000fe: it does not fit in RAM");
  input.write(TS_INPUT_ADDR, 4, kRam);
  input.write(TS_INPUT_REQUEST, 4, 1);
  EXPECT_EQ(input.read(TS_INPUT_REQUEST, 4), TS_INPUT_COPIED);
}

}  // namespace
}  // namespace tinysim
