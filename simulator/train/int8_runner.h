#pragma once
// The trainer's int8 simulation is the runtime itself: the host build of tinyrt's
// Interpreter runs the exported .tflite, so what the trainer reports for int8 is what
// the firmware computes (the emulated chips are checked bit-identical to it).
#include <cstdint>
#include <memory>
#include <vector>

#include "core/error.h"
#include "interpreter/interpreter.h"

namespace tinysim {

class Int8Runner {
 public:
  /// Loads the model; errors say why the runtime rejects it.
  static Result<std::unique_ptr<Int8Runner>> create(std::vector<uint8_t> model);

  /// The output tensor's bytes for one int8 input (input_bytes() values).
  std::vector<int8_t> run(const int8_t* input);
  uint32_t input_bytes() { return interpreter_.input(0).bytes; }
  tinyrt::QuantParams input_quant() { return interpreter_.input(0).quant; }
  tinyrt::QuantParams output_quant() { return interpreter_.output(0).quant; }
  /// Arena bytes the model needs.
  uint32_t arena_bytes() const { return interpreter_.arena_bytes_needed(); }

 private:
  Int8Runner() = default;
  std::vector<uint8_t> model_;
  std::vector<uint8_t> arena_;
  tinyrt::Interpreter interpreter_;
};

}  // namespace tinysim
