#include "machine/semihosting.h"

#include <cstdio>

namespace tinysim {
namespace {
constexpr uint32_t kFail = 0xFFFFFFFFu;   // -1
constexpr uint32_t kStdout = 1, kStderr = 2, kStdin = 3;
constexpr size_t kMaxText = 1u << 16;

std::string op_name(uint32_t op) {
  switch (op) {
    case kSysOpen: return "SYS_OPEN";
    case kSysClose: return "SYS_CLOSE";
    case kSysRead: return "SYS_READ";
    case kSysReadC: return "SYS_READC";
    case kSysSeek: return "SYS_SEEK";
    case kSysFlen: return "SYS_FLEN";
    case kSysTmpNam: return "SYS_TMPNAM";
    case kSysRemove: return "SYS_REMOVE";
    case kSysRename: return "SYS_RENAME";
    case kSysSystem: return "SYS_SYSTEM";
    case kSysGetCmdline: return "SYS_GET_CMDLINE";
    default: {
      char text[32];
      std::snprintf(text, sizeof text, "operation 0x%02x", op);
      return text;
    }
  }
}
}  // namespace

std::optional<std::string> Semihosting::read_string(MachineBus& bus, uint32_t address, size_t limit) {
  std::string out;
  char c = 0;
  while (out.size() < limit) {
    if (!bus.read_memory(address + static_cast<uint32_t>(out.size()), &c, 1)) return std::nullopt;
    if (c == 0) return out;
    out.push_back(c);
  }
  return out;
}

void Semihosting::emit(const std::string& text, bool to_stderr) {
  console_ += text;
  if (to_stderr) stderr_ += text;
}

Semihosting::Outcome Semihosting::call(uint32_t op, uint32_t arg, MachineBus& bus) {
  Outcome out;
  uint32_t block[4] = {0, 0, 0, 0};
  auto params = [&](unsigned words) { return bus.read_memory(arg, block, words * 4); };
  switch (op) {
    case kSysWriteC: {
      char c = 0;
      if (!bus.read_memory(arg, &c, 1)) return {kFail, std::nullopt, "SYS_WRITEC with a bad pointer"};
      emit(std::string(1, c), false);
      return out;
    }
    case kSysWrite0: {
      auto text = read_string(bus, arg, kMaxText);
      if (!text) return {kFail, std::nullopt, "SYS_WRITE0 with a string outside flash/RAM"};
      emit(*text, false);
      return out;
    }
    case kSysWrite: {
      if (!params(3)) return {kFail, std::nullopt, "SYS_WRITE with a bad parameter block"};
      const uint32_t handle = block[0], address = block[1], length = block[2];
      if (handle != kStdout && handle != kStderr) {
        out.r0 = length;  // nothing written
        out.refusal = "SYS_WRITE to handle " + std::to_string(handle) + " refused (only stdout/stderr)";
        return out;
      }
      std::string text(length < kMaxText ? length : kMaxText, '\0');
      if (!bus.read_memory(address, text.data(), text.size()))
        return {length, std::nullopt, "SYS_WRITE from a buffer outside flash/RAM"};
      emit(text, handle == kStderr);
      out.r0 = length - static_cast<uint32_t>(text.size());
      return out;
    }
    case kSysOpen: {
      if (!params(3)) return {kFail, std::nullopt, "SYS_OPEN with a bad parameter block"};
      auto name = read_string(bus, block[0], 256);
      if (name && *name == ":tt") {
        out.r0 = block[1] < 4 ? kStdin : block[1] < 8 ? kStdout : kStderr;
        return out;
      }
      out.r0 = kFail;
      out.refusal = "SYS_OPEN of '" + (name ? *name : std::string("?")) +
                    "' refused: firmware may not touch host files";
      return out;
    }
    case kSysClose: out.r0 = 0; return out;
    case kSysIsTty: out.r0 = 1; return out;
    case kSysIsError: out.r0 = 0; return out;
    case kSysErrno: out.r0 = 0; return out;
    case kSysTime: out.r0 = 0; return out;  // no wall clock: runs are deterministic
    case kSysClock: {
      const uint64_t hz = bus.clock_hz() ? bus.clock_hz() : 1;
      out.r0 = static_cast<uint32_t>(bus.now_cycles() * 100 / hz);
      return out;
    }
    case kSysElapsed: {
      const uint64_t now = bus.now_cycles();
      const uint32_t ticks[2] = {static_cast<uint32_t>(now), static_cast<uint32_t>(now >> 32)};
      out.r0 = bus.write_memory(arg, ticks, sizeof ticks) ? 0u : kFail;
      return out;
    }
    case kSysTickFreq: out.r0 = bus.clock_hz(); return out;
    case kSysHeapInfo: {
      const uint32_t zero[4] = {0, 0, 0, 0};
      uint32_t where = 0;
      if (bus.read_memory(arg, &where, 4)) bus.write_memory(where, zero, sizeof zero);
      return out;
    }
    case kSysExit:
      out.exit_code = arg == kAdpStoppedApplicationExit ? 0 : 1;
      return out;
    case kSysExitExtended:
      if (!params(2)) return {kFail, 1, "SYS_EXIT_EXTENDED with a bad parameter block"};
      out.exit_code = block[0] == kAdpStoppedApplicationExit ? static_cast<int>(block[1]) : 1;
      return out;
    default:
      out.r0 = kFail;
      out.refusal = "semihosting " + op_name(op) + " refused: firmware may not touch the host";
      return out;
  }
}

}  // namespace tinysim
