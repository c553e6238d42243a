#pragma once
// RESULT mailbox: each inference the firmware publishes (class index, score if written
// and the output tensor bytes, copied from RAM at COMMIT) and each error it reports (code, detail,
// message read from memory), stamped with the cycle and with what the result is
// about: the last sensor window DMA'd (scenario mode) or the last input (tensor mode).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "hal/tinysim_regs.h"
#include "peripherals/register_block.h"
#include "peripherals/sensor_fifo.h"
#include "peripherals/tensor_input.h"

namespace tinysim {

struct InferenceResult {
  uint64_t cycle = 0;
  int32_t predicted_class = -1;  ///< -1: none
  std::optional<uint32_t> score;  ///< SCORE register, Q16.16 (anomaly: reconstruction error); none: not written
  std::optional<int32_t> raw_class;  ///< RAW_CLASS register: the raw argmax when the class is a decision
  std::vector<uint8_t> output;   ///< the output tensor bytes as in RAM
  std::optional<SensorWindow> window;  ///< the sensor frames it was computed from
  int64_t input_index = -1;            ///< tensor mode: the input it was computed from
};

struct ReportedError {
  uint64_t cycle = 0;
  uint32_t code = 0;  ///< TS_ERR_*
  uint32_t arg = 0;
  std::string message;
};

/// "ARENA_TOO_SMALL" for TS_ERR_ARENA_TOO_SMALL, "error 42" for unknown codes.
std::string error_code_name(uint32_t code);

class ResultMailbox : public RegisterBlock {
 public:
  /// `sensor` and `input` may be null; they say what each result is about.
  ResultMailbox(MisuseLog& log, const SensorFifo* sensor, const TensorInput* input);
  const std::vector<InferenceResult>& results() const { return results_; }
  const std::vector<ReportedError>& errors() const { return errors_; }
  /// Called right after each result is published (in the run's thread); empty: none.
  void set_observer(std::function<void()> observer) { observer_ = std::move(observer); }

  static constexpr uint32_t kMaxResultBytes = 64 * 1024;
  static constexpr uint32_t kMaxMessageBytes = 256;  ///< including the NUL

 protected:
  Access read_register(uint32_t offset, uint32_t& value) override;
  Access write_register(uint32_t offset, uint32_t value) override;

 private:
  void commit();
  void publish_error(uint32_t code);
  std::string read_message(uint32_t address);

  const SensorFifo* sensor_;
  const TensorInput* input_;
  std::vector<InferenceResult> results_;
  std::vector<ReportedError> errors_;
  std::function<void()> observer_;
  uint32_t class_ = 0;
  uint32_t data_addr_ = 0;
  uint32_t data_len_ = 0;
  uint32_t error_arg_ = 0;
  uint32_t error_msg_ = 0;
  uint32_t score_ = TS_RESULT_NO_SCORE;
  uint32_t raw_class_ = TS_RESULT_NO_RAW_CLASS;
  uint32_t last_error_ = 0;
};

}  // namespace tinysim
