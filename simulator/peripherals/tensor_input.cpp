#include "peripherals/tensor_input.h"

#include "hal/tinysim_regs.h"

namespace tinysim {

TensorInput::TensorInput(MisuseLog& log, std::vector<std::vector<uint8_t>> inputs)
    : RegisterBlock("input", TS_INPUT_BASE, log), inputs_(std::move(inputs)) {}

uint32_t TensorInput::request() {
  if (exhausted()) return TS_INPUT_NONE_LEFT;
  const std::vector<uint8_t>& input = inputs_[next_];
  if (input.size() != len_) {
    misuse("input " + std::to_string(next_) + " has " + std::to_string(input.size()) +
           " bytes, the firmware's input tensor holds " + std::to_string(len_) + "; input skipped");
    mismatched_.push_back(next_++);
    return TS_INPUT_SIZE_MISMATCH;
  }
  if (bus_ == nullptr || !bus_->write_memory(addr_, input.data(), input.size())) {
    misuse("input " + std::to_string(next_) + " (" + std::to_string(input.size()) + " bytes) cannot be copied to " +
           hex32(addr_) + ": it does not fit in RAM");
    return TS_INPUT_BAD_ADDRESS;
  }
  last_copied_ = static_cast<int64_t>(next_++);
  return TS_INPUT_COPIED;
}

RegisterBlock::Access TensorInput::read_register(uint32_t offset, uint32_t& value) {
  switch (offset) {
    case TS_INPUT_ADDR: value = addr_; break;
    case TS_INPUT_LEN: value = len_; break;
    case TS_INPUT_REQUEST: value = status_; break;
    case TS_INPUT_COUNT: value = static_cast<uint32_t>(inputs_.size()); break;
    default: return Access::kUnassigned;
  }
  return Access::kDone;
}

RegisterBlock::Access TensorInput::write_register(uint32_t offset, uint32_t value) {
  switch (offset) {
    case TS_INPUT_ADDR: addr_ = value; return Access::kDone;
    case TS_INPUT_LEN: len_ = value; return Access::kDone;
    case TS_INPUT_REQUEST:
      if (value == 1) {
        status_ = request();
      } else {
        misuse("REQUEST takes 1, got " + std::to_string(value));
      }
      return Access::kDone;
    case TS_INPUT_COUNT: return Access::kReadOnly;
    default: return Access::kUnassigned;
  }
}

}  // namespace tinysim
