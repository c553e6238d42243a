#include "report/json_writer.h"
#include "report/scenario_reports.h"

#include "model/op_names.h"

namespace tinysim {
namespace {

/// Trace lanes (Chrome "threads") of the one simulated chip.
enum Lane : int { kPower = 1, kFirmware = 2, kOps = 3, kResults = 4 };

class TraceBuilder {
 public:
  explicit TraceBuilder(uint32_t clock_hz) : clock_hz_(clock_hz) {
    j_.begin_object().field("displayTimeUnit", "ms").key("traceEvents").begin_array();
  }
  void lane(Lane lane, const char* name) {
    j_.begin_object().field("name", "thread_name").field("ph", "M").field("pid", 1).field("tid", int(lane));
    j_.key("args").begin_object().field("name", name).end_object().end_object();
  }
  /// A complete span ("X") from cycle `begin` to `end`.
  void span(Lane lane, const std::string& name, const char* category, uint64_t begin, uint64_t end) {
    j_.begin_object().field("name", name).field("cat", category).field("ph", "X").field("pid", 1);
    j_.field("tid", int(lane)).key("ts").value(micros(begin), 15).key("dur").value(micros(end - begin), 15);
    j_.end_object();
  }
  void instant(Lane lane, const std::string& name, uint64_t cycle, int32_t predicted) {
    j_.begin_object().field("name", name).field("cat", "result").field("ph", "i").field("s", "t").field("pid", 1);
    j_.field("tid", int(lane)).key("ts").value(micros(cycle), 15);
    j_.key("args").begin_object().field("class", predicted).end_object().end_object();
  }
  std::string finish() { return j_.end_array().end_object().str(); }

 private:
  double micros(uint64_t cycles) const { return double(cycles) * 1e6 / clock_hz_; }
  JsonWriter j_;
  uint32_t clock_hz_;
};

}  // namespace

std::string scenario_trace(const ScenarioOutcome& o) {
  TraceBuilder t(o.device.clock_hz);
  t.lane(kPower, "power state");
  t.lane(kFirmware, "firmware: features and inference");
  t.lane(kOps, "ops");
  t.lane(kResults, "results");
  const auto& power = o.run.power;
  for (size_t i = 0; i < power.size(); ++i) {
    const uint64_t end = i + 1 < power.size() ? power[i + 1].cycle : o.run.cycles;
    if (end > power[i].cycle) t.span(kPower, power_state_name(power[i].state), "power", power[i].cycle, end);
  }
  for (const FeatureTiming& f : o.data.features)
    t.span(kFirmware, "features " + std::to_string(f.window), "features", f.begin_cycle, f.end_cycle);
  for (const InferenceTiming& inference : o.data.inferences) {
    t.span(kFirmware, "inference " + std::to_string(inference.number), "inference", inference.begin_cycle,
           inference.end_cycle);
    for (const OpTiming& op : inference.ops)
      t.span(kOps, std::string(tinyrt::builtin_op_name(static_cast<int32_t>(op.op_code))) + " #" +
                       std::to_string(op.index),
             "op", op.begin_cycle, op.end_cycle);
  }
  for (const InferenceResult& r : o.data.results) {
    const int32_t predicted = r.predicted_class;
    const bool known = predicted >= 0 && static_cast<size_t>(predicted) < o.classes.size();
    t.instant(kResults, known ? o.classes[static_cast<size_t>(predicted)] : "class " + std::to_string(predicted),
              r.cycle, predicted);
  }
  return t.finish();
}

}  // namespace tinysim
