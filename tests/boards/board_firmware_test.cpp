// The board test firmwares (tests/firmware/board_*) on every reference board: the
// console text and exit code QEMU gives for the same ELF (docs/boards.md), plus
// the figures only TinySim has.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "device/device_catalog.h"
#include "elf/elf_image.h"
#include "machine/machine.h"
#include "peripherals/board_peripherals.h"

namespace tinysim {
namespace {

const char* const kBoards[] = {"generic-m0plus", "mps2-an385", "mps2-an386", "mps2-an500", "mps2-an505"};

struct BoardRun {
  RunResult result;
  std::string uart;  ///< what the board's UART printed
  uint64_t uart_lost = 0;
};

BoardRun run_on_board(const std::string& program, const std::string& board) {
  BoardRun out;
  auto device = find_device(board, std::string(TINYSIM_SOURCE_DIR) + "/devices");
  if (!device.ok()) {
    ADD_FAILURE() << device.error().describe();
    return out;
  }
  const std::string path = std::string(TINYSIM_TEST_FIRMWARE_DIR) + "/" + core_name(device->core) + "/" + program +
                           "-" + board + ".elf";
  auto elf = load_elf(path);
  if (!elf.ok()) {
    ADD_FAILURE() << elf.error().describe();
    return out;
  }
  auto machine = Machine::create(*device, *elf);
  if (!machine.ok()) {
    ADD_FAILURE() << machine.error().describe();
    return out;
  }
  MisuseLog log;
  Console console(log);
  auto peripherals = BoardPeripherals::create(*device, console);
  if (!peripherals.ok()) {
    ADD_FAILURE() << peripherals.error().describe();
    return out;
  }
  for (const auto& block : (*peripherals)->blocks())
    if (auto error = (*machine)->add_peripheral(*block)) ADD_FAILURE() << error->describe();
  auto result = (*machine)->run();
  if (!result.ok()) {
    ADD_FAILURE() << result.error().describe();
    return out;
  }
  out.result = *result;
  out.uart = console.text();
  EXPECT_TRUE((*peripherals)->misuse().entries().empty()) << (*peripherals)->misuse().entries()[0].message;
  return out;
}

const std::string kPassingTests =
    "main.c:81:test_data_and_bss_are_initialised:PASS\n"
    "main.c:82:test_crc32_check_value:PASS\n"
    "main.c:83:test_64_bit_multiply_and_divide:PASS\n"
    "main.c:84:test_signed_division_truncates_toward_zero:PASS\n"
    "main.c:85:test_float_arithmetic:PASS\n"
    "main.c:86:test_newlib_qsort:PASS\n"
    "main.c:87:test_code_sram_is_writable:PASS\n";

TEST(BoardFirmware, UnityStyleSuitePassesWithExitCodeZero) {
  for (const char* board : kBoards) {
    SCOPED_TRACE(board);
    const BoardRun run = run_on_board("board_unity", board);
    ASSERT_EQ(run.result.reason, StopReason::Exited) << (run.result.fault ? run.result.fault->describe() : "");
    EXPECT_EQ(run.result.exit_code, 0);
    EXPECT_EQ(run.result.console, kPassingTests + "\n-----------------------\n7 Tests 0 Failures 0 Ignored \nOK\n");
    EXPECT_GT(run.result.memory.flash_used, 1000u);  // the image, counted in code SRAM
    EXPECT_EQ(run.result.memory.flash_available, 4u << 20);
  }
}

TEST(BoardFirmware, UnityStyleFailureIsReportedAndIsTheExitCode) {
  for (const char* board : kBoards) {
    SCOPED_TRACE(board);
    const BoardRun run = run_on_board("board_unity_fail", board);
    ASSERT_EQ(run.result.reason, StopReason::Exited);
    EXPECT_EQ(run.result.exit_code, 1);
    EXPECT_EQ(run.result.console, kPassingTests +
                                      "main.c:76:test_deliberate_failure:FAIL: Expected 5 Was 4\n"
                                      "\n-----------------------\n8 Tests 1 Failures 0 Ignored \nFAIL\n");
  }
}

TEST(BoardFirmware, UartProgramPrintsThroughUart0AndPaysForTheBaudRate) {
  const std::string expected =
      "uart: hello from the CMSDK APB UART\n"
      "uart: sum of squares 1..10 = 385\n"
      "uart: BAUDDIV 217 PID0 33\n";
  for (const char* board : kBoards) {
    SCOPED_TRACE(board);
    const BoardRun run = run_on_board("board_uart", board);
    ASSERT_EQ(run.result.reason, StopReason::Exited) << (run.result.fault ? run.result.fault->describe() : "");
    EXPECT_EQ(run.result.exit_code, 5);
    EXPECT_EQ(run.uart, expected);
    EXPECT_EQ(run.result.console, "");
    // Each byte holds the transmitter for 10 x 217 cycles and the program polls
    // TXFULL, so the run lasts at least as long as the bytes take on the wire.
    EXPECT_GE(run.result.cycles, (expected.size() - 1) * 2170u);
    EXPECT_LT(run.result.cycles, (expected.size() + 2) * 2170u + 20000u);
  }
}

}  // namespace
}  // namespace tinysim
