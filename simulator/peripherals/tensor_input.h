#pragma once
// INPUT (TS_MODE_TENSOR): the host's queue of raw input tensors. On REQUEST the next
// one is copied into the firmware's input tensor in RAM; a size that does not match
// the firmware's tensor is reported (status 2) and that input is skipped.
#include <cstdint>
#include <vector>

#include "peripherals/register_block.h"

namespace tinysim {

class TensorInput : public RegisterBlock {
 public:
  TensorInput(MisuseLog& log, std::vector<std::vector<uint8_t>> inputs);
  size_t input_count() const { return inputs_.size(); }
  /// Inputs handed out or skipped so far.
  size_t consumed() const { return next_; }
  bool exhausted() const { return next_ >= inputs_.size(); }
  /// Index of the input most recently copied into RAM, -1 before the first.
  int64_t last_copied() const { return last_copied_; }
  /// Indices of inputs skipped for a size mismatch.
  const std::vector<size_t>& mismatched() const { return mismatched_; }

 protected:
  Access read_register(uint32_t offset, uint32_t& value) override;
  Access write_register(uint32_t offset, uint32_t value) override;

 private:
  uint32_t request();

  std::vector<std::vector<uint8_t>> inputs_;
  size_t next_ = 0;
  int64_t last_copied_ = -1;
  std::vector<size_t> mismatched_;
  uint32_t addr_ = 0;
  uint32_t len_ = 0;
  uint32_t status_ = 0;
};

}  // namespace tinysim
