#pragma once
// CONSOLE: bytes the firmware writes to TXDATA, kept raw and as lines stamped with
// the cycle of each line's first byte, so the log lines up with the run timeline.
#include <cstdint>
#include <string>
#include <vector>

#include "peripherals/register_block.h"

namespace tinysim {

struct ConsoleLine {
  uint64_t cycle = 0;  ///< when the line's first byte was written
  std::string text;    ///< without the line ending
};

class Console : public RegisterBlock {
 public:
  explicit Console(MisuseLog& log);
  /// Appends one byte (also for the machine, e.g. semihosting output to the same log).
  void put(uint8_t byte, uint64_t cycle);
  /// Every byte kept, as written.
  const std::string& text() const { return text_; }
  /// Finished lines, then the unfinished last line if any.
  std::vector<ConsoleLine> lines() const;
  /// Bytes beyond kMaxBytes are counted, not kept (a firmware can print in a loop).
  uint64_t dropped_bytes() const { return dropped_bytes_; }
  static constexpr size_t kMaxBytes = 1u << 20;

 protected:
  Access read_register(uint32_t offset, uint32_t& value) override;
  Access write_register(uint32_t offset, uint32_t value) override;

 private:
  std::string text_;
  std::vector<ConsoleLine> lines_;
  ConsoleLine pending_;
  bool line_open_ = false;
  uint64_t dropped_bytes_ = 0;
};

}  // namespace tinysim
