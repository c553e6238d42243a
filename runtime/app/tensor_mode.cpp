// Tensor mode: for each inference the host copies one raw tensor into each of the
// model's inputs, in order; we run and publish every output, in order.
#include "app/firmware.h"
#include "hal/tinysim_regs.h"

namespace tinyrt::app {

int run_tensor_mode(Interpreter& interpreter) {
  for (uint32_t n = 0;; ++n) {
    for (uint32_t i = 0; i < interpreter.input_count(); ++i) {
      Tensor& input = interpreter.input(i);
      switch (hal::input_next(input.data, input.bytes)) {
        case hal::InputStatus::kCopied:
          break;
        case hal::InputStatus::kNone:
          if (i == 0) return 0;
          return fail(TS_ERR_INPUT_MISMATCH, i, "the host's inputs ended inside an inference (one per model input)");
        default:
          return fail(TS_ERR_INPUT_MISMATCH, input.bytes, "host input does not match the model's input tensor");
      }
    }
    infer_and_publish(interpreter, n, interpreter.output_count());
  }
}

}  // namespace tinyrt::app
