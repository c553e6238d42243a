#include "peripherals/result_mailbox.h"

#include "hal/tinysim_regs.h"

namespace tinysim {

std::string error_code_name(uint32_t code) {
  switch (code) {
    case TS_ERR_NONE: return "NONE";
    case TS_ERR_MODEL_INVALID: return "MODEL_INVALID";
    case TS_ERR_MODEL_UNSUPPORTED: return "MODEL_UNSUPPORTED";
    case TS_ERR_ARENA_TOO_SMALL: return "ARENA_TOO_SMALL";
    case TS_ERR_INPUT_MISMATCH: return "INPUT_MISMATCH";
    case TS_ERR_INTERNAL: return "INTERNAL";
    default: return "error " + std::to_string(code);
  }
}

ResultMailbox::ResultMailbox(MisuseLog& log, const SensorFifo* sensor, const TensorInput* input)
    : RegisterBlock("result", TS_RESULT_BASE, log), sensor_(sensor), input_(input) {}

void ResultMailbox::commit() {
  InferenceResult result;
  result.cycle = now();
  result.predicted_class = static_cast<int32_t>(class_);
  if (score_ != TS_RESULT_NO_SCORE) result.score = score_;
  if (raw_class_ != TS_RESULT_NO_RAW_CLASS) result.raw_class = static_cast<int32_t>(raw_class_);
  if (data_len_ > kMaxResultBytes) {
    misuse("result of " + std::to_string(data_len_) + " bytes at " + hex32(data_addr_) +
           " is larger than the mailbox takes (" + std::to_string(kMaxResultBytes) +
           " bytes); published without output bytes");
  } else if (data_len_ > 0) {
    result.output.resize(data_len_);
    if (bus_ == nullptr || !bus_->read_memory(data_addr_, result.output.data(), data_len_)) {
      misuse("result output of " + std::to_string(data_len_) + " bytes at " + hex32(data_addr_) +
             " is outside memory; published without output bytes");
      result.output.clear();
    }
  }
  if (sensor_ != nullptr) result.window = sensor_->last_window();
  if (input_ != nullptr) result.input_index = input_->last_copied();
  results_.push_back(std::move(result));
  if (observer_) observer_();
}

std::string ResultMailbox::read_message(uint32_t address) {
  std::string text;
  if (address == 0) return text;
  for (uint32_t i = 0; i < kMaxMessageBytes; ++i) {
    char ch = 0;
    if (bus_ == nullptr || !bus_->read_memory(address + i, &ch, 1)) {
      misuse("error message at " + hex32(address) + " runs out of memory after " + std::to_string(i) + " bytes");
      return text;
    }
    if (ch == '\0') return text;
    text.push_back(ch);
  }
  misuse("error message at " + hex32(address) + " is not NUL-terminated within " +
         std::to_string(kMaxMessageBytes) + " bytes; kept the first " + std::to_string(kMaxMessageBytes));
  return text;
}

void ResultMailbox::publish_error(uint32_t code) {
  ReportedError error;
  error.cycle = now();
  error.code = code;
  error.arg = error_arg_;
  error.message = read_message(error_msg_);
  errors_.push_back(std::move(error));
  last_error_ = code;
  error_arg_ = 0;  // a later error must not inherit this one's detail
  error_msg_ = 0;
}

RegisterBlock::Access ResultMailbox::read_register(uint32_t offset, uint32_t& value) {
  switch (offset) {
    case TS_RESULT_CLASS: value = class_; break;
    case TS_RESULT_DATA_ADDR: value = data_addr_; break;
    case TS_RESULT_DATA_LEN: value = data_len_; break;
    case TS_RESULT_COMMIT: value = static_cast<uint32_t>(results_.size()); break;
    case TS_RESULT_ERROR: value = last_error_; break;
    case TS_RESULT_ERROR_ARG: value = error_arg_; break;
    case TS_RESULT_ERROR_MSG: value = error_msg_; break;
    case TS_RESULT_SCORE: value = score_; break;
    case TS_RESULT_RAW_CLASS: value = raw_class_; break;
    default: return Access::kUnassigned;
  }
  return Access::kDone;
}

RegisterBlock::Access ResultMailbox::write_register(uint32_t offset, uint32_t value) {
  switch (offset) {
    case TS_RESULT_CLASS: class_ = value; break;
    case TS_RESULT_DATA_ADDR: data_addr_ = value; break;
    case TS_RESULT_DATA_LEN: data_len_ = value; break;
    case TS_RESULT_COMMIT:
      if (value == 1) {
        commit();
      } else {
        misuse("COMMIT takes 1, got " + std::to_string(value));
      }
      break;
    case TS_RESULT_ERROR: publish_error(value); break;
    case TS_RESULT_ERROR_ARG: error_arg_ = value; break;
    case TS_RESULT_ERROR_MSG: error_msg_ = value; break;
    case TS_RESULT_SCORE: score_ = value; break;
    case TS_RESULT_RAW_CLASS: raw_class_ = value; break;
    default: return Access::kUnassigned;
  }
  return Access::kDone;
}

}  // namespace tinysim
