#pragma once
// ARM semihosting (BKPT 0xAB, "Semihosting for AArch32 and AArch64", Arm IHI 0072):
// console output, exit codes and simulated time; host file access is refused.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "machine/peripheral.h"

namespace tinysim {

/// Operation numbers TinySim understands (IHI 0072 section 6).
enum SemihostOp : uint32_t {
  kSysOpen = 0x01, kSysClose = 0x02, kSysWriteC = 0x03, kSysWrite0 = 0x04, kSysWrite = 0x05,
  kSysRead = 0x06, kSysReadC = 0x07, kSysIsError = 0x08, kSysIsTty = 0x09, kSysSeek = 0x0A,
  kSysFlen = 0x0C, kSysTmpNam = 0x0D, kSysRemove = 0x0E, kSysRename = 0x0F, kSysClock = 0x10,
  kSysTime = 0x11, kSysSystem = 0x12, kSysErrno = 0x13, kSysGetCmdline = 0x15, kSysHeapInfo = 0x16,
  kSysExit = 0x18, kSysExitExtended = 0x20, kSysElapsed = 0x30, kSysTickFreq = 0x31,
};
inline constexpr uint32_t kAdpStoppedApplicationExit = 0x20026u;

/// Handles one semihosting call at a time; collects the console text.
class Semihosting {
 public:
  /// What the call asks of the machine.
  struct Outcome {
    uint32_t r0 = 0;                 ///< result register
    std::optional<int> exit_code;    ///< set when the firmware exits
    std::string refusal;             ///< non-empty when a host operation was refused
  };

  /// Runs operation `op` with parameter `arg` (r1) against the machine's memory.
  Outcome call(uint32_t op, uint32_t arg, MachineBus& bus);
  /// Everything the firmware printed (stdout and stderr, in order).
  const std::string& console() const { return console_; }
  /// Only what went to stderr (handle 2).
  const std::string& console_stderr() const { return stderr_; }

 private:
  std::optional<std::string> read_string(MachineBus& bus, uint32_t address, size_t limit);
  void emit(const std::string& text, bool to_stderr);
  std::string console_;
  std::string stderr_;
};

}  // namespace tinysim
