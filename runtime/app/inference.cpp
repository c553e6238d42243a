// One inference: profile markers around it and each op, then the result mailbox.
#include "app/firmware.h"

namespace tinyrt::app {
namespace {

/// The predicted class: the largest int8 score (first on ties), -1 for outputs too
/// large to be class scores (an autoencoder's reconstruction, say).
int32_t predicted_class(const Tensor& out) {
  if (out.type != TensorType::kInt8 || out.bytes == 0 || out.bytes > 256) return -1;
  const int8_t* scores = out.as<int8_t>();
  int32_t best = 0;
  for (uint32_t i = 1; i < out.bytes; ++i)
    if (scores[i] > scores[best]) best = static_cast<int32_t>(i);
  return best;
}

}  // namespace

void ProfileMarkers::op_begin(int32_t op_index, int32_t builtin_code) {
  hal::profile_op(true, static_cast<uint32_t>(builtin_code), static_cast<uint32_t>(op_index));
}

void ProfileMarkers::op_end(int32_t op_index) { hal::profile_op(false, 0, static_cast<uint32_t>(op_index)); }

int fail(uint32_t code, uint32_t detail, const char* message) {
  hal::publish_error(code, detail, message);
  hal::console_write("tinysim firmware error: ");
  hal::console_write(message);
  hal::console_write("\n");
  return static_cast<int>(code);
}

void infer_and_publish(Interpreter& interpreter, uint32_t inference, uint32_t outputs) {
  ProfileMarkers markers;
  hal::profile_inference(true, inference);
  interpreter.invoke(&markers);
  hal::profile_inference(false, inference);
  for (uint32_t i = 0; i < outputs && i < interpreter.output_count(); ++i) {
    const Tensor& out = interpreter.output(i);
    hal::publish_result(predicted_class(out), out.data, out.bytes);
  }
}

}  // namespace tinyrt::app
