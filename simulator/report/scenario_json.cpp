#include "report/fit_report.h"
#include "report/json_writer.h"
#include "report/scenario_reports.h"

#include "model/op_names.h"

namespace tinysim {
namespace {

void optional_value(JsonWriter& j, std::string_view key, std::optional<double> v, double scale = 1.0,
                    int digits = 9) {
  j.key(key);
  if (v) j.value(*v * scale, digits);
  else j.null();
}

void write_scenario(JsonWriter& j, const ScenarioOutcome& o) {
  const Scenario& s = o.scenario;
  j.key("scenario").begin_object().field("name", s.name).field("description", s.description);
  j.field("file", s.file).key("model");
  if (s.model.empty()) j.null();  // a firmware of the user's own, no model
  else j.value(s.model);
  j.field("firmware", !s.firmware.empty() ? s.firmware : !s.firmware_program.empty() ? s.firmware_program : "tinysim-fw");
  j.field("seed", s.seed).key("duration_s").value(s.duration_seconds, 9).field("battery", s.battery);
  j.key("inference").begin_object().field("window_frames", s.features.window_frames);
  j.field("stride_frames", s.features.stride_frames).field("feature_kind", static_cast<uint32_t>(s.features.kind));
  j.field("fft_size", s.features.fft_size).field("hop_frames", s.features.hop_frames);
  j.field("mel_bands", s.features.mel_bands).field("mfcc_coefficients", s.features.mfcc_coefficients);
  if (s.features.kind == FeatureKind::kNormalized) {
    // One {offset, shift} per channel of the merged frame: what CONFIG words 8.. carry.
    j.key("normalization").begin_array();
    for (unsigned c = 0; c < s.channels(); ++c) {
      const tinyrt::ChannelNormalization& n = s.features.normalization[c];
      j.begin_object().field("offset", int32_t{n.offset}).field("shift", uint32_t{n.shift}).end_object();
    }
    j.end_array();
  }
  if (s.decision) {  // the chip's keyword decision: what CONFIG words 24.. carry (results[].class is decided)
    j.key("decision").begin_object().field("windows", s.decision->windows);
    j.key("threshold").value(s.decision->threshold, 9).field("suppress_frames", s.decision->suppress_frames).end_object();
  }
  j.field("wake_on_motion_counts", s.wake_on_motion).end_object();
  j.end_object();
  j.key("device").begin_object().field("name", o.device.name).field("core", core_name(o.device.core));
  j.field("clock_hz", o.device.clock_hz).end_object();
  // "sensor": the stream the chip's FIFO takes (for one sensor, that sensor); several
  // sensors are listed one by one under "sensors".
  const ScenarioSensor& first = s.sensors.front();
  const bool one = s.sensors.size() == 1;
  j.key("sensor").begin_object().field("name", s.sensor_names()).field("kind", one ? first.kind : "merged");
  j.key("rate_hz").value(double(s.rate().hz_num) / double(s.rate().hz_den), 12);
  j.field("channels", s.channels()).field("units", one ? first.units : "per sensor").key("scale");
  if (one) j.value(first.scale, 9);
  else j.null();
  j.field("fifo_depth", s.fifo_depth).field("frames_arrived", o.data.sensor.frames_arrived);
  j.field("frames_dropped", o.data.sensor.frames_dropped).field("frames_skipped", o.data.sensor.frames_skipped);
  j.field("frames_idle", o.data.sensor.frames_idle);
  j.field("window_irqs", o.data.sensor.irqs_raised).end_object();
  if (one) return;
  j.key("sensors").begin_array();
  for (size_t i = 0; i < s.sensors.size(); ++i) {
    const ScenarioSensor& sensor = s.sensors[i];
    j.begin_object().field("name", sensor.name).field("kind", sensor.kind).field("channels", sensor.channels);
    j.field("units", sensor.units).key("scale").value(sensor.scale, 9);
    j.key("current_ua").value(sensor.current * 1e6, 9).field("current_source", sensor.current_source);
    j.field("labels", i == s.label_sensor).end_object();
  }
  j.end_array();
}

void write_run(JsonWriter& j, const ScenarioOutcome& o) {
  const RunResult& r = o.run;
  j.key("run").begin_object().key("simulated_s").value(o.simulated_seconds, 12).field("cycles", r.cycles);
  j.field("instructions", r.instructions).field("run_cycles", r.run_cycles).field("sleep_cycles", r.sleep_cycles);
  j.field("deep_sleep_cycles", r.deep_sleep_cycles).field("exceptions_taken", r.exceptions_taken);
  j.field("exit_code", r.exit_code).field("results", static_cast<uint64_t>(o.data.results.size()));
  j.field("firmware_misuse", static_cast<uint64_t>(o.data.misuse.size())).end_object();
  j.key("memory").begin_object().field("flash_used", static_cast<uint64_t>(o.measured.values.at("flash")));
  j.field("stack_high_water", r.stack_high_water).field("stack_available", r.stack_available);
  if (o.data.arena) {
    const ArenaFigures& a = *o.data.arena;
    j.key("arena").begin_object().field("persistent", a.persistent).field("activations", a.activations);
    j.field("scratch", a.scratch).field("total", a.total()).end_object();
  } else {
    j.key("arena").null();  // no model, or the firmware reports none: absent, not zero
  }
  j.end_object();
  if (o.fit) write_fit_json(j, *o.fit);
}

void write_timing(JsonWriter& j, const ScenarioOutcome& o) {
  const double ms_per_cycle = 1e3 / o.device.clock_hz;
  j.key("timing").begin_object();
  optional_value(j, "latency_p50_ms", o.latency.p50, 1e3);
  optional_value(j, "latency_p99_ms", o.latency.p99, 1e3);
  optional_value(j, "latency_max_ms", o.latency.max, 1e3);
  // Figures the firmware did not mark (PROFILE) are null: absent, not zero.
  optional_value(j, "mean_feature_cycles",
                 o.latency.feature_runs ? std::optional<double>(o.latency.mean_feature_cycles) : std::nullopt, 1.0, 12);
  optional_value(j, "mean_inference_cycles",
                 o.latency.inference_runs ? std::optional<double>(o.latency.mean_inference_cycles) : std::nullopt, 1.0,
                 12);
  optional_value(j, "mean_inference_ms",
                 o.latency.inference_runs ? std::optional<double>(o.latency.mean_inference_cycles * ms_per_cycle)
                                          : std::nullopt);
  if (o.scenario.model.empty()) {  // no model: no layers to profile
    j.key("per_op").null().end_object();
    return;
  }
  j.key("per_op").begin_array();
  for (const OpSummary& op : o.data.per_op) {
    j.begin_object().field("index", op.index).field("op", tinyrt::builtin_op_name(static_cast<int32_t>(op.op_code)));
    j.field("runs", op.runs).field("total_cycles", op.total_cycles).field("min_cycles", op.min_cycles);
    j.field("max_cycles", op.max_cycles).end_object();
  }
  j.end_array().end_object();
}

void write_scores(JsonWriter& j, const ScenarioOutcome& o) {
  const Scores& s = o.scores;
  j.key("scores").begin_object().field("windows", s.windows).field("labelled", s.labelled).field("correct", s.correct);
  optional_value(j, "accuracy", s.accuracy());
  j.key("classes").begin_array();
  for (const std::string& c : s.classes) j.value(c);
  j.end_array().key("confusion").begin_array();  // rows: actual class; columns: predicted, then "other"
  for (const auto& row : s.confusion) {
    j.begin_array();
    for (uint64_t n : row) j.value(n);
    j.end_array();
  }
  j.end_array().key("per_class").begin_array();
  for (const ClassScore& c : s.per_class) {
    j.begin_object().field("class", c.name).field("actual", c.actual).field("predicted", c.predicted);
    j.field("correct", c.correct);
    optional_value(j, "precision", c.precision());
    optional_value(j, "recall", c.recall());
    j.end_object();
  }
  j.end_array();
  j.key("events").begin_object().key("classes").begin_array();
  for (const std::string& c : s.event_classes) j.value(c);
  j.end_array().field("total", static_cast<uint64_t>(s.events.size())).field("detected", s.detected_events());
  j.field("activations", static_cast<uint64_t>(s.activations.size())).field("false_activations", s.false_activations);
  optional_value(j, "event_recall", s.event_recall());
  optional_value(j, "false_activations_per_hour", s.false_activations_per_hour());
  optional_value(j, "detection_latency_p50_ms", s.detection_latency_p50(), 1e3);
  j.key("list").begin_array();
  for (const EventOutcome& e : s.events) {
    j.begin_object().field("class", e.name).field("first_frame", e.first_frame).field("last_frame", e.last_frame);
    optional_value(j, "latency_ms", e.latency_seconds, 1e3);
    j.end_object();
  }
  j.end_array().end_object().end_object();
}

void write_energy(JsonWriter& j, const ScenarioOutcome& o) {
  const EnergyReport& e = o.energy;
  j.key("radio").begin_object().field("transmissions", o.transmissions);
  j.field("bytes_each", o.scenario.radio ? o.scenario.radio->bytes : 0u).end_object();
  j.key("energy").begin_object().key("seconds").value(e.seconds, 12).key("supply_v").value(e.supply_voltage, 9);
  if (!e.regulator.empty()) j.field("regulator", e.regulator);
  j.key("total_j").value(e.energy, 9).key("average_current_ua").value(e.average_current * 1e6, 9);
  j.key("peak_current_ma").value(e.peak_current * 1e3, 9);
  optional_value(j, "energy_per_inference_uj",
                 o.latency.profiled() ? std::optional<double>(o.energy_per_inference) : std::nullopt, 1e6);
  j.field("wakeups", e.wakeups);
  j.key("states").begin_array();
  for (const StateEnergy& st : e.states)
    j.begin_object().field("state", power_state_name(st.state)).key("seconds").value(st.seconds, 12)
        .key("current_ua").value(st.current * 1e6, 9).key("energy_j").value(st.energy, 9).end_object();
  j.end_array().key("components").begin_array();
  for (const ComponentEnergy& c : e.components)
    j.begin_object().field("component", c.component).key("energy_j").value(c.energy, 9)
        .key("charge_c").value(c.charge, 9).end_object();
  j.end_array().end_object();
  if (o.battery_life) {
    const BatteryLife& b = *o.battery_life;
    j.key("battery").begin_object().field("name", b.battery).key("hours").value(b.hours, 9);
    j.key("days").value(b.days(), 9).key("years").value(b.years(), 9);
    j.key("usable_charge_mah").value(b.usable_charge / 3.6, 9).key("derating").value(b.derating, 9);
    j.key("self_discharge_ua").value(b.self_discharge_current * 1e6, 9);
    j.key("charge_hours").value(b.charge_hours, 9).key("shelf_life_hours").value(b.shelf_life_hours, 9);
    j.field("limited_by", b.limited_by_shelf_life() ? "shelf life" : "charge").end_object();
  }
}

void write_expectations(JsonWriter& j, const ScenarioOutcome& o) {
  j.field("passed", o.passed()).key("expectations").begin_array();
  for (const ExpectationResult& r : o.expectations) {
    j.begin_object().field("key", r.expectation.key).field("expected", describe_expectation(r.expectation));
    j.key("threshold").value(r.expectation.threshold, 12);
    optional_value(j, "measured", r.measured);
    j.field("measured_text", r.measured_text).field("passed", r.passed).end_object();
  }
  j.end_array();
}

}  // namespace

std::string scenario_json(const ScenarioOutcome& o) {
  JsonWriter j;
  j.begin_object().field("tinysim_report", "scenario").field("version", kScenarioReportVersion);
  write_scenario(j, o);
  write_expectations(j, o);
  write_run(j, o);
  write_timing(j, o);
  write_scores(j, o);
  write_energy(j, o);
  j.key("assumptions").begin_array();
  for (const std::string& a : o.assumptions) j.value(a);
  j.end_array().key("results").begin_array();
  for (size_t i = 0; i < o.data.results.size(); ++i) {
    const InferenceResult& r = o.data.results[i];
    j.begin_object().field("cycle", r.cycle).field("class", r.predicted_class);
    if (r.window) j.field("first_frame", r.window->first_frame).field("last_frame", r.window->last_frame);
    if (r.score) j.key("anomaly_score").value(*r.score / 65536.0, 9);  // the chip's Q16.16 score
    if (r.raw_class) j.field("raw_class", *r.raw_class);  // the chip's argmax beside its keyword decision
    j.end_object();
  }
  j.end_array();
  return j.end_object().str();
}

}  // namespace tinysim
