#pragma once
// Why the interpreter could not start or run: a code the firmware publishes
// (TS_ERR_* in hal/tinysim_regs.h), a detail number and a readable message.
#include <stdint.h>

namespace tinyrt {

enum class RunStatus : uint32_t {
  kOk = 0,
  kModelInvalid = 1,      ///< the .tflite is corrupt or breaks the format
  kModelUnsupported = 2,  ///< valid, but uses an op, type or shape the runtime lacks
  kArenaTooSmall = 3,     ///< detail: bytes needed
  kInputMismatch = 4,
  kInternal = 5,
};

struct RunError {
  RunStatus status = RunStatus::kOk;
  uint32_t detail = 0;   ///< op index, bytes needed, ... (see the message)
  char message[160] = {};

  bool ok() const { return status == RunStatus::kOk; }
};

/// Appends text and numbers to a fixed buffer, always zero-terminated (no printf).
class MessageWriter {
 public:
  MessageWriter(char* out, uint32_t capacity) : out_(out), capacity_(capacity) {
    if (capacity_) out_[0] = 0;
  }
  MessageWriter& text(const char* s);
  MessageWriter& number(int64_t v);

 private:
  char* out_;
  uint32_t capacity_;
  uint32_t length_ = 0;
};

}  // namespace tinyrt
