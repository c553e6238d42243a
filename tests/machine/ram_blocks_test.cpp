// Adjacent SRAM banks are one RAM on the emulated chip too: what the host copies in
// and out (input tensors, sensor DMA, results) may run across a bank boundary.
#include <numeric>
#include <vector>

#include "machine_fixture.h"

namespace tinysim::test {
namespace {

TEST(RamBlocks, HostCopiesRunAcrossTheStm32f746sDtcmAndSram1) {
  Bench bench("smoke", "stm32f746ng");
  ASSERT_TRUE(bench.machine);
  std::vector<uint8_t> bytes(64);
  std::iota(bytes.begin(), bytes.end(), uint8_t{1});
  const uint32_t boundary = 0x20010000u;  // RM0385 2.2.2: DTCM ends, SRAM1 starts
  ASSERT_TRUE(bench.machine->write_memory(boundary - 32u, bytes.data(), bytes.size()));
  std::vector<uint8_t> back(bytes.size());
  ASSERT_TRUE(bench.machine->read_memory(boundary - 32u, back.data(), back.size()));
  EXPECT_EQ(back, bytes);
  // Past the end of the RAM (SRAM2 ends at 0x2005 0000) and from ITCM into nowhere: refused.
  EXPECT_FALSE(bench.machine->write_memory(0x20050000u - 32u, bytes.data(), bytes.size()));
  EXPECT_FALSE(bench.machine->read_memory(0x00004000u - 32u, back.data(), back.size()));
}

}  // namespace
}  // namespace tinysim::test
