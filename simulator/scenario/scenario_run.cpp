#include "scenario/scenario_run.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iterator>

#include "core/format_number.h"
#include "device/device_catalog.h"
#include "cost/timing_assumptions.h"
#include "energy/device_power.h"
#include "features/feature_pipeline.h"
#include "hal/tinysim_regs.h"
#include "runner/model_session.h"
#include "scenario/anomaly.h"
#include "scenario/progress_source.h"
#include "elf/arm_build_attributes.h"
#include "runner/firmware_locator.h"
#include "sensors/channel_selection.h"
#include "sensors/merged_source.h"
#include "sensors/source_factory.h"

namespace tinysim {

DecisionWords decision_words(const Decision& d, uint32_t stride_frames, const std::vector<std::string>& classes,
                             const std::vector<std::string>& events) {
  uint32_t keywords = 0;
  for (size_t c = 0; c < classes.size() && c < 32; ++c)
    if (std::find(events.begin(), events.end(), classes[c]) != events.end()) keywords |= 1u << c;
  const uint32_t suppress = (d.suppress_frames + stride_frames - 1) / stride_frames;
  return {d.windows, static_cast<uint32_t>(std::lround(d.threshold * 65536.0)), suppress, keywords};
}
namespace {


/// RAM the firmware carves for one window, the feature pipeline's workspace and, for an
/// anomaly decision, a copy of the model input (runtime/app/main.cpp).
uint32_t window_ram(const Scenario& s, const ModelSummary& model) {
  const uint32_t kept_input = s.anomaly_threshold > 0 && !model.inputs.empty() ? (model.inputs[0].bytes + 7) & ~7u : 0;
  return s.features.window_frames * s.channels() * 2 + tinyrt::feature_workspace_bytes(runtime_features(s)) +
         kept_input;
}

/// " (frames of 3 channels: climate 2 + light 1)" for several sensors, else "".
std::string channel_breakdown(const Scenario& s) {
  if (s.sensors.size() < 2) return "";
  std::string parts;
  for (const ScenarioSensor& sensor : s.sensors)
    parts += (parts.empty() ? "" : " + ") + sensor.name + " " + std::to_string(sensor.channels);
  return " (frames of " + std::to_string(s.channels()) + " channels: " + parts + ")";
}

/// The features must fill the model's one int8 input exactly.
Status check_features(const Scenario& s, const ModelSummary& model) {
  if (model.inputs.size() != 1 || model.inputs[0].type != "int8")
    return s.fields.error("model", "the runtime firmware feeds one int8 input tensor; " + model.file + " has " +
                                       std::to_string(model.inputs.size()) + " inputs");
  const tinyrt::FeatureConfig c = runtime_features(s);
  std::vector<uint8_t> workspace(tinyrt::feature_workspace_bytes(c) + 8);
  tinyrt::FeaturePipeline pipeline;
  if (!pipeline.init(c, workspace.data(), static_cast<uint32_t>(workspace.size())))
    return s.fields.error("inference", "the feature pipeline rejects these settings (see docs/firmware-interface.md, "
                                       "CONFIG words)");
  if (pipeline.count() != model.inputs[0].bytes)
    return s.fields.error("inference", "the features give " + std::to_string(pipeline.count()) +
                                           " values per window but the model's input holds " +
                                           std::to_string(model.inputs[0].bytes) +
                                           ": change window, features or channels" + channel_breakdown(s));
  return std::nullopt;
}

/// Located at the scenario key when the error names no file of its own.
Error at_key(const Scenario& s, const std::string& key, Error e) {
  if (!e.file.empty() && e.line > 0) return e;
  // A dotted key ("device.regulator") is found in its map, when the document has one there.
  YamlFields at = s.fields;
  std::string last = key;
  for (size_t dot; (dot = last.find('.')) != std::string::npos; last = last.substr(dot + 1)) {
    auto inner = at.map(last.substr(0, dot));
    if (!inner) break;
    at = inner.value();
  }
  Error located = last.find('.') == std::string::npos ? at.error(last, e.message) : s.fields.error(key, e.message);
  if (!e.file.empty() && e.file != s.file) located.message += " (" + e.file + ")";
  for (const auto& [path, option] : s.overridden)
    if (path == key || path.rfind(key + ".", 0) == 0) {
      located.line = located.column = 0;
      located.message += " (from " + option + ")";
    }
  return located;
}

/// One sensor's stream: its source, the channels it takes, checked against its rate and channels.
Result<std::shared_ptr<const SensorSource>> sensor_stream(const Scenario& s, const ScenarioSensor& sensor) {
  SourceContext context;
  context.rate = sensor.rate;
  context.channels = sensor.take.empty() ? sensor.channels : kSourceChannels;
  context.duration_seconds = s.duration_seconds;
  context.seed = s.seed;
  context.base_dir = s.base_dir;
  auto source = make_sensor_source(sensor.source, context);
  if (!source) return source.error();
  if (!sensor.take.empty()) {
    source = select_channels(source.value(), sensor.take, sensor.fields);
    if (!source) return source.error();
  }
  const SensorSource& src = *source.value();
  if (src.channels() != sensor.channels || !(src.rate() == sensor.rate))
    return sensor.source.error("", "the source gives " + std::to_string(src.channels()) + " channels at " +
                                       format_number("%.3f", src.rate().millihertz() / 1000.0) + " Hz; the sensor says " +
                                       std::to_string(sensor.channels) + " at " +
                                       format_number("%.3f", sensor.rate.millihertz() / 1000.0) + " Hz");
  if (!src.frame_count()) return sensor.source.error("", "the source is endless; a scenario needs a finite stream");
  return source;
}

/// The user's firmware ELF for the device (a path, or a firmware TinySim builds named by
/// `firmware:`), checked to be built for the device's core; "" for TinySim's runtime.
Result<std::string> user_firmware(const Scenario& s, const Device& device) {
  if (s.runtime_firmware()) return std::string();
  std::string path = s.firmware;
  if (path.empty()) {
    auto found = find_firmware(device, s.firmware_program);
    if (!found) return at_key(s, "firmware", found.error());
    path = found.value();
  }
  auto elf = load_elf(path);
  if (!elf) return at_key(s, "firmware", elf.error());
  const std::string mismatch = core_mismatch(device.core, read_build_target(elf->arm_attributes));
  if (!mismatch.empty())
    return at_key(s, "firmware", make_error(path + " does not run on " + device.name + " (" + core_name(device.core) +
                                            "): it is " + mismatch));
  return path;
}

/// What stopped a run that should have ended with the stream, as the user's error.
Status check_run(const Scenario& s, const RunResult& run, const TinySimRunData& data) {
  // A firmware of the user's own is located at its `firmware:` key.
  auto fail = [&s](const std::string& message) {
    return s.runtime_firmware() ? make_error(message, s.file) : at_key(s, "firmware", make_error(message));
  };
  const std::string when = format_number("%.3f", run.seconds()) + " s of simulated time";
  if (run.fault && run.fault->kind == FaultKind::Budget && run.sleep_cycles + run.deep_sleep_cycles == 0)
    return fail("the firmware never slept: it ran " + when + " without a WFI or WFE and without returning from "
                "main (the stream lasts " + format_number("%.3f", s.duration_seconds) + " s). A scenario firmware "
                "sleeps until the sensor's next window and returns once SENSOR.STATUS.ENDED is set "
                "(docs/firmware-interface.md, section 5); it was stopped in " + run.fault->function);
  if (run.fault && run.fault->kind == FaultKind::Budget)
    return fail("the firmware did not finish: stopped after " + when + " (the stream lasts " +
                format_number("%.3f", s.duration_seconds) + " s; a run may take 1.5 x as long + 10 s): " +
                run.fault->message);
  if (run.fault) return fail("the firmware faulted after " + when + ": " + run.fault->describe());
  if (!data.errors.empty()) {
    const ReportedError& e = data.errors.front();
    return make_error("the firmware reported " + error_code_name(e.code) + " (" + std::to_string(e.arg) +
                          "): " + e.message,
                      s.file);
  }
  if (!data.sensor.ended)
    return make_error("the run stopped before the sensor stream ended (" + std::to_string(data.sensor.frames_arrived) +
                          " frames arrived); console: " + data.console_text,
                      s.file);
  return std::nullopt;
}

LatencyFigures latency_figures(const TinySimRunData& data, SampleRate rate, uint32_t clock_hz) {
  LatencyFigures f;
  std::vector<double> latencies;
  const uint64_t start = data.sensor.stream_start_cycle.value_or(0);
  for (const InferenceResult& r : data.results) {
    if (!r.window) continue;
    const uint64_t ready = start + rate.arrival_cycle(r.window->last_frame, clock_hz);
    latencies.push_back(double(r.cycle - std::min(r.cycle, ready)) / clock_hz);
  }
  f.p50 = percentile(latencies, 0.5);
  f.p99 = percentile(latencies, 0.99);
  f.max = percentile(latencies, 1.0);
  uint64_t features = 0, inference = 0;
  for (const FeatureTiming& t : data.features) features += t.cycles();
  for (const InferenceTiming& t : data.inferences) inference += t.cycles();
  f.feature_runs = data.features.size();
  f.inference_runs = data.inferences.size();
  if (!data.features.empty()) f.mean_feature_cycles = double(features) / double(data.features.size());
  if (!data.inferences.empty()) f.mean_inference_cycles = double(inference) / double(data.inferences.size());
  return f;
}

/// Energy over the run with the sensor and the radio as external loads.
Status price_energy(const Scenario& s, const PowerProfile& power, ScenarioOutcome& o) {
  std::vector<ExternalLoad> loads;
  for (const ScenarioSensor& sensor : s.sensors)  // each sensor priced on its own, with its datasheet
    if (sensor.current > 0)
      loads.push_back({"sensor: " + sensor.name, sensor.current, o.simulated_seconds, sensor.current_source});
  if (s.radio) {
    if (!power.radio_tx_current || !power.radio_bitrate)
      return s.fields.error("radio", "device " + o.device.name + " has no radio figures (power.radio in " +
                                         o.device.file + "); without a radio: --set radio=null");
    const double airtime = double(s.radio->bytes) * 8.0 / power.radio_bitrate->value;
    loads.push_back({"radio", power.radio_tx_current->value, airtime * double(o.transmissions),
                     std::to_string(o.transmissions) + " packets of " + std::to_string(s.radio->bytes) +
                         " bytes at " + format_number("%.0f", power.radio_bitrate->value / 1e3) +
                         " kbit/s, payload air time only; " + power.radio_tx_current->source});
  }
  o.energy = measure_energy(power, o.device.clock_hz, o.run.power, o.run.cycles, loads);
  o.energy_per_inference = compute_energy(
      power, o.device.clock_hz,
      static_cast<uint64_t>(o.latency.mean_feature_cycles + o.latency.mean_inference_cycles));
  return std::nullopt;
}

Status estimate_battery(const Scenario& s, const std::string& devices_dir, ScenarioOutcome& o) {
  std::string name = s.battery;
  const bool is_path = name.find('/') != std::string::npos || std::filesystem::path(name).extension() == ".yaml";
  if (is_path && std::filesystem::path(name).is_relative()) name = s.base_dir + "/" + name;
  auto battery = find_battery(name, devices_dir + "/batteries");
  if (!battery) return at_key(s, "battery", battery.error());
  o.battery = battery.value();
  o.battery_life = estimate_battery_life(battery.value(), o.energy.average_current, o.energy.peak_current);
  return std::nullopt;
}

MeasuredFigures measure(const ScenarioOutcome& o) {
  MeasuredFigures m;
  auto set = [&](const char* key, std::optional<double> v, const char* why) {
    if (v) m.values[key] = *v;
    else m.why_not[key] = why;
  };
  const uint64_t flash = o.fit ? o.fit->flash_used() : o.run.memory.flash_used + o.model.file_bytes;
  set("flash", double(flash), "");
  set("peak_arena", o.data.arena ? std::optional<double>(double(o.data.arena->total())) : std::nullopt,
      o.scenario.model.empty() ? "no model: the firmware has no tensor arena" : "the firmware reported no arena");
  set("stack", double(o.run.stack_high_water), "");
  set("latency_p50", o.latency.p50, "no inference ran");
  set("latency_p99", o.latency.p99, "no inference ran");
  set("dropped_samples", double(o.data.sensor.frames_dropped), "");
  set("accuracy", o.scores.accuracy(), "no window has a ground-truth label");
  set("event_recall", o.scores.event_recall(), "no event occurred (events: lists the event classes)");
  set("false_activations_per_hour", o.scores.false_activations_per_hour(), "the scenario lists no event classes (events:)");
  set("detection_latency", o.scores.detection_latency_p50(), "no event was detected");
  const bool priced = o.energy.supply_voltage > 0;
  set("energy_per_inference", priced && o.latency.profiled() ? std::optional<double>(o.energy_per_inference) : std::nullopt,
      priced ? "the firmware wrote no PROFILE markers (FEATURES_BEGIN/END, INFER_BEGIN/END)"
             : "the device has no power figures");
  set("average_current", priced ? std::optional<double>(o.energy.average_current) : std::nullopt,
      "the device has no power figures");
  set("battery_life", o.battery_life ? std::optional<double>(o.battery_life->hours * 3600.0) : std::nullopt,
      "no battery (battery:) or no power figures");
  return m;
}

/// Radio packets sent: one per activation of a class the radio sends on.
uint64_t transmissions(const ScenarioOutcome& o) {
  uint64_t sent = 0;
  if (o.scenario.radio)
    for (const Activation& a : o.scores.activations)
      if (std::find(o.scenario.radio->on.begin(), o.scenario.radio->on.end(), a.name) != o.scenario.radio->on.end())
        ++sent;
  return sent;
}

ScoringInput scoring_input(const ScenarioOutcome& o, const SensorSource* source) {
  ScoringInput scoring;
  scoring.source = source;
  scoring.classes = o.classes;
  scoring.event_classes = o.scenario.events;
  scoring.stream_start_cycle = o.data.sensor.stream_start_cycle.value_or(0);
  scoring.clock_hz = o.device.clock_hz;
  scoring.stream_frames = o.data.sensor.frames_arrived;
  return scoring;
}

}  // namespace

Result<std::shared_ptr<const SensorSource>> scenario_source(const Scenario& s) {
  std::vector<std::shared_ptr<const SensorSource>> parts;
  for (const ScenarioSensor& sensor : s.sensors) {
    auto part = sensor_stream(s, sensor);
    if (!part) return part.error();
    parts.push_back(part.value());
  }
  if (parts.size() == 1) return parts.front();
  return std::shared_ptr<const SensorSource>(std::make_shared<MergedSource>(std::move(parts), s.label_sensor));
}

/// The runtime's feature settings for the scenario (what the firmware reads from CONFIG).
tinyrt::FeatureConfig runtime_features(const Scenario& s) {
  tinyrt::FeatureConfig c;
  c.kind = static_cast<tinyrt::FeatureKind>(static_cast<uint32_t>(s.features.kind));
  c.window_frames = s.features.window_frames;
  c.channels = s.channels();
  c.sample_rate_hz = static_cast<uint32_t>(s.rate().hz_num / s.rate().hz_den);
  c.fft_size = s.features.fft_size;
  c.hop_frames = s.features.hop_frames;
  c.mel_bands = s.features.mel_bands;
  c.mfcc_coeffs = s.features.mfcc_coefficients;
  std::copy(s.features.normalization.begin(), s.features.normalization.end(), std::begin(c.normalization));
  return c;
}

bool ScenarioOutcome::passed() const {
  return std::all_of(expectations.begin(), expectations.end(), [](const ExpectationResult& r) { return r.passed; });
}

Result<ScenarioOutcome> run_scenario(const Scenario& s, const ScenarioRunOptions& options) {
  ScenarioOutcome o;
  o.scenario = s;
  auto device = find_device(s.device, options.devices_dir);
  if (!device) return at_key(s, "device", device.error());
  o.device = device.value();
  if (s.clock_hz) {
    if (const std::string refusal = o.device.clock_refusal(*s.clock_hz); !refusal.empty())
      return at_key(s, "device.clock", make_error(refusal));
    o.device.clock_hz = *s.clock_hz;
  }
  if (s.regulator) {
    auto regulated = with_regulator(o.device, *s.regulator);  // a mode the file lacks is the user's error, now
    if (!regulated) return at_key(s, "device.regulator", regulated.error());
    o.device = regulated.value();
  }

  std::vector<uint8_t> model_bytes;  // empty: no model (a firmware of the user's own)
  if (!s.model.empty()) {
    auto bytes = read_file_bytes(s.model);
    if (!bytes) return at_key(s, "model", bytes.error());
    auto model = summarize_model(bytes.value(), s.model);
    if (!model) return at_key(s, "model", model.error());
    o.model = model.value();
    model_bytes = std::move(bytes.value());
  }
  if (s.runtime_firmware()) {
    auto fit = check_model_fit(o.device, o.model, s.stack_bytes, window_ram(s, o.model));
    if (!fit) return fit.error();
    if (!fit->fits())
      return s.fields.error("model", o.model.file + " does not fit " + o.device.name + " with TinySim's firmware:\n" +
                                         fit->shortfall());
    o.fit = fit.value();
  }
  if (!s.model.empty())
    if (Status st = check_features(s, o.model)) return *st;
  if (s.anomaly_threshold > 0)
    if (Status st = check_autoencoder(s, o.model)) return *st;
  auto firmware = user_firmware(s, o.device);
  if (!firmware) return firmware.error();

  auto source = scenario_source(s);
  if (!source) return source.error();
  o.classes = s.classes.empty() ? source.value()->label_names() : s.classes;
  if (Status st = check_labels(*source.value(), o.classes, s.file)) return at_key(s, "classes", *st);
  for (const std::string& name : s.events)
    if (std::find(o.classes.begin(), o.classes.end(), name) == o.classes.end())
      return s.fields.error("events", "'" + name + "' is not one of the model's classes");

  ModelSessionOptions session_options;
  session_options.firmware_path = firmware.value();
  session_options.stack_size = s.stack_bytes;
  session_options.block.system.mode = TS_MODE_SCENARIO;
  session_options.block.config = s.features.encode();
  session_options.block.config[TS_CONFIG_IDLE_SLEEP / 4] = s.idle_deep_sleep ? 0u : 1u;
  if (s.anomaly_threshold > 0)
    session_options.block.config[TS_CONFIG_ANOMALY_THRESHOLD / 4] = anomaly_threshold_q16(s.anomaly_threshold);
  if (s.decision) {
    if (s.events.empty()) return s.fields.error("inference", "a decision needs events: the keyword classes it calls");
    const DecisionWords words = decision_words(*s.decision, s.features.stride_frames, o.classes, s.events);
    std::copy(words.begin(), words.end(), session_options.block.config.begin() + TS_CONFIG_DECISION_WINDOWS / 4);
  }
  session_options.block.sensor =
      options.progress ? std::make_shared<ProgressSource>(source.value(), options.progress) : source.value();
  session_options.block.fifo_depth_frames = s.fifo_depth;
  session_options.block.motion_threshold = s.wake_on_motion;
  const ModelSession* live = nullptr;  // set once created; results are published only while it runs
  if (options.on_result)
    session_options.block.on_result = [&o, &options, &live](const TinySimBlock&) { options.on_result(o, *live); };
  auto session = ModelSession::create(o.device, model_bytes, session_options);
  if (!session) return session.error();
  live = session.value().get();
  RunLimits limits;
  limits.max_cycles = static_cast<uint64_t>((s.duration_seconds * 1.5 + 10.0) * o.device.clock_hz);
  auto run = session.value()->run(limits);
  if (!run) return run.error();
  o.run = run.value();
  o.data = session.value()->block().run_data();
  if (Status st = check_run(s, o.run, o.data)) return *st;
  o.simulated_seconds = o.run.seconds();

  if (s.anomaly_threshold > 0)
    o.assumptions.push_back("anomaly decision on the chip: mean squared reconstruction error in Q16.16 above " +
                            format_number("%.6f", anomaly_threshold_q16(s.anomaly_threshold) / 65536.0) + " = " +
                            o.classes[1] + " (runtime/anomaly; in the latency and the run's energy)");
  o.scores = score_results(o.data.results, scoring_input(o, source.value().get()));
  o.latency = latency_figures(o.data, s.rate(), o.device.clock_hz);
  o.transmissions = transmissions(o);

  o.assumptions.push_back(std::string("core: ") + core_name(o.device.core) + " cycle model (simulator/cost) at " +
                          format_number("%.1f", o.device.clock_hz / 1e6) + " MHz (" +
                          (s.clock_hz ? std::string("the scenario's clock") : o.device.clock_source) + ")");
  if (auto timing = timing_assumptions(o.device))  // core profile, wait states, accelerator (simulator/cost)
    for (const std::string& line : timing->lines()) o.assumptions.push_back(line);
  if (s.runtime_firmware())
    o.assumptions.push_back(s.idle_deep_sleep
                                ? "between windows TinySim's firmware waits in deep sleep (WFI with SLEEPDEEP) while the "
                                  "sensor's FIFO fills (scenario idle: deep_sleep, the default; idle: sleep keeps the "
                                  "clocks on)"
                                : "between windows TinySim's firmware waits in sleep with the clocks on (scenario idle: "
                                  "sleep)");
  o.assumptions.push_back("sleep is skipped from event to event, not emulated: it costs no host time");
  if (s.model.empty())
    o.assumptions.push_back("a firmware of your own without a model: tensor arena, per-layer profile and the model fit "
                            "check do not apply (absent in the report, not zero); flash and RAM are the ELF's, results "
                            "its RESULT commits, inference cycles its PROFILE markers");
  auto power = device_power(o.device);
  if (power) {
    if (Status st = price_energy(s, power.value(), o)) return *st;
    for (const std::string& a : o.energy.assumptions) o.assumptions.push_back("energy: " + a);
    o.assumptions.push_back("energy per inference: feature extraction + inference cycles at run current");
    if (!s.battery.empty()) {
      if (Status st = estimate_battery(s, options.devices_dir, o)) return *st;
      for (const std::string& a : o.battery_life->assumptions) o.assumptions.push_back("battery: " + a);
    }
  } else {
    o.assumptions.push_back("no energy figures: " + power.error().message);
  }
  o.measured = measure(o);
  o.expectations = check_expectations(s.expectations, o.measured);
  return o;
}

Result<ScenarioOutcome> outcome_so_far(const ScenarioOutcome& head, const ModelSession& session,
                                       const std::string& devices_dir) {
  ScenarioOutcome o;
  o.scenario = head.scenario;
  o.device = head.device;
  o.model = head.model;
  o.fit = head.fit;
  o.classes = head.classes;
  o.data = session.block().run_data();
  auto run = session.machine().result_so_far();
  if (!run) return run.error();
  o.run = std::move(run.value());
  o.simulated_seconds = o.run.seconds();
  // The block's sensor source reads labels like the run's own (it only adds progress reports).
  const TinySimBlock& block = session.block();
  if (block.sensor().source() != nullptr)
    o.scores = score_results(o.data.results, scoring_input(o, block.sensor().source()));
  o.latency = latency_figures(o.data, o.scenario.rate(), o.device.clock_hz);
  o.transmissions = transmissions(o);
  if (auto power = device_power(o.device)) {
    if (Status st = price_energy(o.scenario, power.value(), o)) return *st;
    if (!o.scenario.battery.empty())
      if (Status st = estimate_battery(o.scenario, devices_dir, o)) return *st;
  }
  o.measured = measure(o);
  return o;
}

}  // namespace tinysim
