// One inference: profile markers around it and each op, then the result mailbox.
#include <string.h>

#include "app/firmware.h"
#include "hal/tinysim_regs.h"

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

int prepare_anomaly(Interpreter& interpreter, AnomalyDecision& decision) {
  const Tensor& in = interpreter.input(0);
  const Tensor& out = interpreter.output(0);
  if (interpreter.output_count() != 1 || out.type != TensorType::kInt8 || out.bytes != in.bytes)
    return fail(TS_ERR_MODEL_UNSUPPORTED, in.bytes,
                "an anomaly threshold needs an autoencoder: one int8 output the size of its input");
  if (!decision.error.prepare(in.quant, out.quant, in.bytes))
    return fail(TS_ERR_MODEL_UNSUPPORTED, in.bytes,
                "reconstruction error: scales must be positive, output scale at most 128 x input scale");
  return 0;
}

int prepare_keyword_decision(Interpreter& interpreter, KeywordDecision& decision, bool& active) {
  DecisionSettings settings;
  settings.windows = hal::config_word(TS_CONFIG_DECISION_WINDOWS / 4);
  settings.threshold = hal::config_word(TS_CONFIG_DECISION_THRESHOLD / 4);
  settings.suppress = hal::config_word(TS_CONFIG_DECISION_SUPPRESS / 4);
  settings.keywords = hal::config_word(TS_CONFIG_DECISION_KEYWORDS / 4);
  active = settings.windows != 0;
  if (!active) return 0;
  const Tensor& out = interpreter.output(0);
  if (out.type != TensorType::kInt8 || !decision.prepare(settings, out.quant, out.bytes))
    return fail(TS_ERR_MODEL_UNSUPPORTED, out.bytes,
                "a keyword decision needs int8 class scores (1..32 classes, keywords and others) and 1..16 windows");
  return 0;
}

void infer_and_publish(Interpreter& interpreter, uint32_t inference, uint32_t outputs, AnomalyDecision* anomaly,
                       KeywordDecision* keywords) {
  if (anomaly != nullptr) memcpy(anomaly->kept_input, interpreter.input(0).data, interpreter.input(0).bytes);
  ProfileMarkers markers;
  hal::profile_inference(true, inference);
  interpreter.invoke(&markers);
  hal::profile_inference(false, inference);
  if (anomaly != nullptr) {
    const Tensor& out = interpreter.output(0);
    const uint32_t score = anomaly->error.score(anomaly->kept_input, out.as<int8_t>());
    hal::set_result_score(score);
    hal::publish_result(score > anomaly->threshold ? 1 : 0, out.data, out.bytes);
    return;
  }
  if (keywords != nullptr) {
    const Tensor& out = interpreter.output(0);
    hal::set_result_raw_class(predicted_class(out));
    hal::publish_result(keywords->decide(out.as<int8_t>()), out.data, out.bytes);
    return;
  }
  for (uint32_t i = 0; i < outputs && i < interpreter.output_count(); ++i) {
    const Tensor& out = interpreter.output(i);
    hal::publish_result(predicted_class(out), out.data, out.bytes);
  }
}

}  // namespace tinyrt::app
