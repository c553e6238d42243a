#pragma once
// Firmware that uses TinySim's registers wrongly (DMA outside RAM, an absurd result
// length, an unterminated message, a write to a read-only register) is the firmware
// author's bug: it is recorded here for the run log, never a crash of the host.
#include <cstdint>
#include <string>
#include <vector>

namespace tinysim {

/// One misuse of a TinySim register, as the run log shows it.
struct FirmwareMisuse {
  uint64_t cycle = 0;
  std::string block;    ///< "sensor", "result", ...
  std::string message;  ///< what the firmware did and what was expected
};

/// The misuse records of one run, shared by the blocks of a TinySimBlock.
class MisuseLog {
 public:
  void add(uint64_t cycle, std::string block, std::string message);
  const std::vector<FirmwareMisuse>& entries() const { return entries_; }
  /// Records beyond the cap are counted, not kept (a firmware can misuse in a loop).
  uint64_t suppressed() const { return suppressed_; }
  static constexpr size_t kMaxEntries = 1000;

 private:
  std::vector<FirmwareMisuse> entries_;
  uint64_t suppressed_ = 0;
};

/// "0x4f000300" (lower-case hex, 8 digits) for messages.
std::string hex32(uint32_t value);

}  // namespace tinysim
