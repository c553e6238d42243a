#include "peripherals/console.h"

#include "hal/tinysim_regs.h"

namespace tinysim {

Console::Console(MisuseLog& log) : RegisterBlock("console", TS_CONSOLE_BASE, log) {}

void Console::put(uint8_t byte, uint64_t cycle) {
  if (text_.size() >= kMaxBytes) {
    ++dropped_bytes_;
    return;
  }
  const char ch = static_cast<char>(byte);
  text_.push_back(ch);
  if (ch == '\n') {
    if (!line_open_) pending_.cycle = cycle;
    lines_.push_back(std::move(pending_));
    pending_ = ConsoleLine{};
    line_open_ = false;
    return;
  }
  if (!line_open_) {
    pending_.cycle = cycle;
    line_open_ = true;
  }
  if (ch != '\r') pending_.text.push_back(ch);
}

std::vector<ConsoleLine> Console::lines() const {
  std::vector<ConsoleLine> out = lines_;
  if (line_open_) out.push_back(pending_);
  return out;
}

RegisterBlock::Access Console::read_register(uint32_t offset, uint32_t& value) {
  (void)value;
  return offset == TS_CONSOLE_TXDATA ? Access::kWriteOnly : Access::kUnassigned;
}

RegisterBlock::Access Console::write_register(uint32_t offset, uint32_t value) {
  if (offset != TS_CONSOLE_TXDATA) return Access::kUnassigned;
  put(static_cast<uint8_t>(value & 0xFFu), now());
  return Access::kDone;
}

}  // namespace tinysim
