// Tensor mode: the host copies each raw input tensor in; we run and publish it.
#include "app/firmware.h"
#include "hal/tinysim_regs.h"

namespace tinyrt::app {

int run_tensor_mode(Interpreter& interpreter) {
  Tensor& input = interpreter.input(0);
  for (uint32_t n = 0;; ++n) {
    switch (hal::input_next(input.data, input.bytes)) {
      case hal::InputStatus::kNone:
        return 0;
      case hal::InputStatus::kCopied:
        infer_and_publish(interpreter, n);
        break;
      default:
        return fail(TS_ERR_INPUT_MISMATCH, input.bytes, "host input does not match the model's input tensor");
    }
  }
}

}  // namespace tinyrt::app
