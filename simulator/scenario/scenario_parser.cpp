#include "scenario/scenario_parser.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iterator>

#include "scenario/expectations.h"
#include "sensors/source_params.h"
#include "train/normalization_settings.h"

namespace tinysim {
namespace {

namespace fs = std::filesystem;

/// A whole number in [low, high].
Result<uint64_t> whole(const YamlFields& f, std::string_view key, uint64_t low, uint64_t high) {
  auto text = f.text(key);
  if (!text) return text.error();
  char* end = nullptr;
  const unsigned long long v = std::strtoull(text->c_str(), &end, 10);
  if (text->empty() || *end || (*text)[0] == '-' || v < low || v > high)
    return f.error(key, "expected a whole number from " + std::to_string(low) + " to " + std::to_string(high) +
                            ", got '" + *text + "'");
  return static_cast<uint64_t>(v);
}

/// A count of frames, written as a plain number of frames or as a time ("2 s").
Result<uint32_t> frames(const YamlFields& f, std::string_view key, SampleRate rate) {
  auto text = f.text(key);
  if (!text) return text.error();
  char* end = nullptr;
  const unsigned long long n = std::strtoull(text->c_str(), &end, 10);
  if (!text->empty() && !*end && (*text)[0] != '-') {
    if (n == 0 || n > (1u << 20)) return f.error(key, "expected 1 to 1048576 frames, got " + *text);
    return static_cast<uint32_t>(n);
  }
  auto t = parse_quantity(*text, Dimension::Time);
  if (!t) return f.error(key, "expected a number of frames or a time (" + units_of(Dimension::Time) + "), got '" +
                                  *text + "'");
  const double exact = t.value() * double(rate.hz_num) / double(rate.hz_den);
  const double rounded = std::round(exact);
  if (rounded < 1 || std::fabs(exact - rounded) > 1e-6 || rounded > double(1u << 20))
    return f.error(key, "'" + *text + "' is not a whole number of frames at the sensor's rate (" +
                            std::to_string(exact) + " frames)");
  return static_cast<uint32_t>(rounded);
}

/// The rate as an exact fraction: "50 Hz", "16 kHz", "333.25 Hz" (up to 3 decimals).
Result<SampleRate> rate(const YamlFields& f, std::string_view key) {
  auto hz = f.quantity(key, Dimension::Frequency);
  if (!hz) return hz.error();
  const double milli = std::round(hz.value() * 1000.0);
  if (hz.value() <= 0 || std::fabs(hz.value() * 1000.0 - milli) > 1e-6 || milli > 1e12)
    return f.error(key, "expected a positive rate with at most 3 decimals of Hz");
  SampleRate r{static_cast<uint64_t>(milli), 1000};
  while (r.hz_den > 1 && r.hz_num % 10 == 0) {
    r.hz_num /= 10;
    r.hz_den /= 10;
  }
  return r;
}

/// A motion threshold in the sensors' units ("0.15 g" with units g) or in counts ("150").
/// The detector watches every channel of the merged frame, so units need one unit and
/// scale across the sensors.
Result<uint32_t> motion_threshold(const YamlFields& f, const std::vector<ScenarioSensor>& sensors) {
  auto text = f.text("wake_on_motion");
  if (!text) return text.error();
  char* end = nullptr;
  const double value = std::strtod(text->c_str(), &end);
  std::string unit(end);
  unit.erase(0, unit.find_first_not_of(' '));
  const bool counts = unit.empty() || unit == "counts";
  const ScenarioSensor& first = sensors.front();
  bool one_unit = true;
  for (const ScenarioSensor& sensor : sensors) one_unit &= sensor.units == first.units && sensor.scale == first.scale;
  const double scaled = std::round(value * (counts ? 1.0 : first.scale));
  if (end == text->c_str() || (!counts && (unit != first.units || !one_unit)) || scaled < 1 || scaled > 65535)
    return f.error("wake_on_motion", "expected a threshold above 0 in counts or in the sensor's units (" +
                                         (first.units.empty() || !one_unit ? std::string("none common") : first.units) +
                                         "), got '" + *text + "'");
  return static_cast<uint32_t>(scaled);
}

/// A file path relative to the scenario's folder that must exist.
Result<std::string> existing_file(const YamlFields& f, std::string_view key, const std::string& base_dir) {
  auto text = f.text(key);
  if (!text) return text.error();
  fs::path p(*text);
  if (p.is_relative()) p = fs::path(base_dir) / p;
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) return f.error(key, "file not found: " + p.lexically_normal().string());
  return p.lexically_normal().string();
}

Result<std::vector<std::string>> names(const YamlFields& f, std::string_view key) {
  const YAML::Node n = f.node()[std::string(key)];
  if (!n.IsDefined() || !n.IsSequence()) return f.error(key, "expected a list of class names, like [idle, wrist_raise]");
  std::vector<std::string> out;
  for (const auto& item : n) {
    if (!item.IsScalar()) return f.error(key, "expected a list of class names, like [idle, wrist_raise]");
    out.push_back(item.Scalar());
  }
  return out;
}

Status parse_device(const YamlFields& root, Scenario& s) {
  const YAML::Node n = root.node()["device"];
  if (n.IsDefined() && n.IsScalar()) {
    s.device = n.Scalar();
    return std::nullopt;
  }
  auto device = root.map("device");
  if (!device) return root.error("device", "expected a device name (devices/) or a map {name:, clock:, regulator:}");
  if (Status st = device->only({"name", "clock", "regulator"})) return st;
  auto name = device->text("name");
  if (!name) return name.error();
  s.device = name.value();
  if (device->has("clock")) {
    auto clock = device->quantity("clock", Dimension::Frequency);
    if (!clock) return clock.error();
    if (clock.value() < 1e6 || clock.value() > 1e9) return device->error("clock", "expected 1 MHz to 1000 MHz");
    s.clock_hz = static_cast<uint32_t>(std::lround(clock.value()));
  }
  if (device->has("regulator")) {
    auto regulator = device->text("regulator");
    if (!regulator) return regulator.error();
    s.regulator = regulator.value();
  }
  return std::nullopt;
}

std::string describe_sensor(const Scenario& s, size_t i) {
  return "sensors[" + std::to_string(i) + "] (" + s.sensors[i].name + ")";
}

/// One entry of `sensors:`; `fifo_depth` is the chip's FIFO, shared by all sensors.
Status parse_sensor(const YamlFields& f, Scenario& s, std::optional<size_t>& depth_from) {
  if (Status st = f.only({"name", "kind", "rate", "channels", "units", "scale", "fifo_depth", "current",
                          "current_source", "take", "source"}))
    return st;
  ScenarioSensor sensor;
  sensor.fields = f;
  auto name = f.text("name");
  if (!name) return name.error();
  sensor.name = name.value();
  for (size_t i = 0; i < s.sensors.size(); ++i)
    if (s.sensors[i].name == sensor.name) return f.error("name", "'" + sensor.name + "' names sensors[" +
                                                                     std::to_string(i) + "] too; expected a new name");
  sensor.kind = sensor.name;
  if (f.has("kind")) {
    auto kind = f.text("kind");
    if (!kind) return kind.error();
    sensor.kind = kind.value();
  }
  auto r = rate(f, "rate");
  if (!r) return r.error();
  sensor.rate = r.value();
  if (!s.sensors.empty() && !(sensor.rate == s.rate()))
    return f.error("rate", sensor.name + " runs at " + describe_rate(sensor.rate) + " but " + describe_sensor(s, 0) +
                               " at " + describe_rate(s.rate()) +
                               ": sensors merged into the chip's one FIFO need one rate");
  auto channels = whole(f, "channels", 1, 16);
  if (!channels) return channels.error();
  sensor.channels = static_cast<unsigned>(channels.value());
  if (s.channels() + sensor.channels > 16)
    return f.error("channels", "the sensors give " + std::to_string(s.channels() + sensor.channels) +
                                   " channels per frame; the chip's FIFO takes at most 16");
  if (f.has("units")) {
    auto units = f.text("units");
    if (!units) return units.error();
    sensor.units = units.value();
  }
  if (f.has("scale")) {
    auto scale = f.number("scale");
    if (!scale) return scale.error();
    if (scale.value() <= 0) return f.error("scale", "expected a positive number of counts per unit");
    sensor.scale = scale.value();
  }
  if (f.has("fifo_depth")) {
    auto depth = whole(f, "fifo_depth", 1, 1u << 20);
    if (!depth) return depth.error();
    if (depth_from && depth.value() != s.fifo_depth)
      return f.error("fifo_depth", "the sensors share the chip's one FIFO: " + std::to_string(depth.value()) +
                                       " frames here, " + std::to_string(s.fifo_depth) + " at " +
                                       describe_sensor(s, *depth_from));
    s.fifo_depth = static_cast<uint32_t>(depth.value());
    depth_from = s.sensors.size();
  }
  if (f.has("current")) {
    auto current = f.quantity("current", Dimension::Current);
    if (!current) return current.error();
    sensor.current = current.value();
    auto source = f.text("current_source");
    if (!source) return f.error("current_source", "missing: where the sensor's current comes from (datasheet)");
    sensor.current_source = source.value();
  }
  if (f.has("take")) {
    const YAML::Node take = f.node()["take"];
    if (!take.IsSequence() || take.size() != sensor.channels)
      return f.error("take", "expected a list of " + std::to_string(sensor.channels) +
                                 " of the source's channels (names or indices), one per channel");
    for (const auto& item : take) {
      if (!item.IsScalar()) return f.error("take", "expected channel names or indices, like [temperature, humidity]");
      sensor.take.push_back(item.Scalar());
    }
  }
  auto source = f.map("source");
  if (!source) return source.error();
  sensor.source = source.value();
  s.sensors.push_back(sensor);
  return std::nullopt;
}

Status parse_sensors(const YamlFields& root, Scenario& s) {
  const YAML::Node list = root.node()["sensors"];
  if (!list.IsDefined()) return root.error("sensors", "missing: the sensors that feed the chip");
  if (!list.IsSequence() || list.size() == 0)
    return root.error("sensors", "expected a list of sensors ({name:, rate:, channels:, source:})");
  std::optional<size_t> depth_from;
  for (size_t i = 0; i < list.size(); ++i)
    if (Status st = parse_sensor(YamlFields(list[i], root.file(), "sensors[" + std::to_string(i) + "]"), s,
                                 depth_from))
      return st;
  if (root.has("labels")) {
    auto name = root.text("labels");
    if (!name) return name.error();
    std::string known;
    for (size_t i = 0; i < s.sensors.size(); ++i) {
      if (s.sensors[i].name == name.value()) {
        s.label_sensor = i;
        return std::nullopt;
      }
      known += (known.empty() ? "" : ", ") + s.sensors[i].name;
    }
    return root.error("labels", "'" + name.value() + "' is not a sensor; expected one of: " + known);
  }
  return std::nullopt;
}

Status parse_features(const YamlFields& inference, Scenario& s) {
  FeatureConfig& c = s.features;
  const YAML::Node n = inference.node()["features"];
  std::string kind = "raw";
  std::optional<YamlFields> f;
  if (n.IsDefined() && n.IsScalar()) {
    kind = n.Scalar();
  } else if (n.IsDefined()) {
    auto map = inference.map("features");
    if (!map) return map.error();
    if (Status st = map->only({"kind", "fft_size", "hop", "mel_bands", "mfcc_coefficients", "offset", "shift"}))
      return st;
    auto k = map->text("kind");
    if (!k) return k.error();
    kind = k.value();
    f = map.value();
  }
  const std::string field = f ? "kind" : "features";
  const YamlFields& at = f ? *f : inference;
  if (kind == "raw") c.kind = FeatureKind::kRawWindow;
  else if (kind == "statistics") c.kind = FeatureKind::kStatistics;
  else if (kind == "log_mel") c.kind = FeatureKind::kLogMel;
  else if (kind == "mfcc") c.kind = FeatureKind::kMfcc;
  else if (kind == "normalized") c.kind = FeatureKind::kNormalized;
  else return at.error(field, "unknown feature kind '" + kind +
                                  "'; expected one of: raw, statistics, log_mel, mfcc, normalized");
  if (c.kind == FeatureKind::kNormalized) {
    if (!f) return at.error(field, "normalized needs a map {kind: normalized, offset: [...], shift: [...]}");
    auto normalization = parse_normalization(*f, s.channels());
    if (!normalization) return normalization.error();
    std::copy(normalization->begin(), normalization->end(), std::begin(c.normalization));
    return std::nullopt;
  }
  if (c.kind != FeatureKind::kLogMel && c.kind != FeatureKind::kMfcc) return std::nullopt;
  if (!f) return at.error(field, "log_mel and mfcc need a map {kind:, fft_size:, hop:, mel_bands:}");
  auto fft = whole(*f, "fft_size", 64, 1024);
  if (!fft) return fft.error();
  if (fft.value() & (fft.value() - 1)) return f->error("fft_size", "expected a power of two from 64 to 1024");
  auto hop = frames(*f, "hop", s.rate());
  if (!hop) return hop.error();
  auto bands = whole(*f, "mel_bands", 1, 128);
  if (!bands) return bands.error();
  c.fft_size = static_cast<uint32_t>(fft.value());
  c.hop_frames = hop.value();
  c.mel_bands = static_cast<uint32_t>(bands.value());
  if (c.kind == FeatureKind::kMfcc) {
    auto coeffs = whole(*f, "mfcc_coefficients", 1, c.mel_bands);
    if (!coeffs) return coeffs.error();
    c.mfcc_coefficients = static_cast<uint32_t>(coeffs.value());
  }
  if (c.fft_size > c.window_frames)
    return f->error("fft_size", "expected at most the window's " + std::to_string(c.window_frames) + " frames, got " +
                                    std::to_string(c.fft_size));
  return std::nullopt;
}

/// `decision: {average: 3 windows, threshold: 0.6, suppress: 1 s}`: the chip's keyword
/// decision (runtime/app/decision.h); suppress is a time or frames, kept in frames.
Status parse_decision(const YamlFields& inference, Scenario& s) {
  auto f = inference.map("decision");
  if (!f) return f.error();
  if (Status st = f->only({"average", "threshold", "suppress"})) return st;
  auto average = f->text("average");
  if (!average) return average.error();
  char* end = nullptr;
  const unsigned long windows = std::strtoul(average->c_str(), &end, 10);
  const std::string unit(end);
  if (end == average->c_str() || (*average)[0] == '-' || windows < 1 || windows > 16 ||
      !(unit.empty() || unit == " window" || unit == " windows"))
    return f->error("average", "expected 1 to 16 windows, got '" + *average + "'");
  auto threshold = f->number("threshold");
  if (!threshold) return threshold.error();
  if (!(threshold.value() > 0) || threshold.value() >= 65536)
    return f->error("threshold", "expected an average class score above 0 (a probability: 0 to 1 for softmax outputs)");
  Decision d;
  d.windows = static_cast<uint32_t>(windows);
  d.threshold = threshold.value();
  if (f->has("suppress")) {
    auto suppress = frames(*f, "suppress", s.rate());
    if (!suppress) return suppress.error();
    d.suppress_frames = suppress.value();
  }
  s.decision = d;
  return std::nullopt;
}

Status parse_inference(const YamlFields& root, Scenario& s) {
  auto f = root.map("inference");
  if (!f) return f.error();
  if (Status st = f->only({"window", "stride", "features", "wake_on_motion", "decision"})) return st;
  if (f->has("decision"))
    if (Status st = parse_decision(*f, s)) return st;
  if (f->has("wake_on_motion")) {
    auto threshold = motion_threshold(*f, s.sensors);
    if (!threshold) return threshold.error();
    s.wake_on_motion = threshold.value();
  }
  auto window = frames(*f, "window", s.rate());
  if (!window) return window.error();
  s.features.window_frames = window.value();
  s.features.stride_frames = window.value();
  if (f->has("stride")) {
    auto stride = frames(*f, "stride", s.rate());
    if (!stride) return stride.error();
    if (stride.value() > window.value())
      return f->error("stride", "expected at most the window (" + std::to_string(window.value()) + " frames), got " +
                                    std::to_string(stride.value()) + " frames");
    s.features.stride_frames = stride.value();
  }
  if (s.features.window_frames > s.fifo_depth)
    return f->error("window", "the window (" + std::to_string(s.features.window_frames) +
                                  " frames) must fit the sensor's FIFO (fifo_depth " +
                                  std::to_string(s.fifo_depth) + ")");
  return parse_features(*f, s);
}

Status parse_radio(const YamlFields& root, Scenario& s) {
  auto f = root.map("radio");
  if (!f) return f.error();
  if (Status st = f->only({"on", "bytes"})) return st;
  ScenarioRadio radio;
  auto on = names(*f, "on");
  if (!on) return on.error();
  radio.on = on.value();
  auto bytes = whole(*f, "bytes", 1, 65536);
  if (!bytes) return bytes.error();
  radio.bytes = static_cast<uint32_t>(bytes.value());
  s.radio = radio;
  return std::nullopt;
}

Status parse_expectations(const YamlFields& root, Scenario& s) {
  auto f = root.map("expect");
  if (!f) return f.error();
  for (const auto& entry : f->node()) {
    const std::string key = entry.first.Scalar();
    const ExpectationKind* kind = find_expectation_kind(key);
    if (!kind) {
      std::string known;
      for (const auto& k : expectation_kinds()) known += (known.empty() ? "" : ", ") + std::string(k.key);
      Error e = f->error(key, "unknown expectation '" + key + "'; expected one of: " + known);
      e.line = entry.first.Mark().line + 1;
      e.column = entry.first.Mark().column + 1;
      return e;
    }
    Expectation e;
    e.key = key;
    e.comparison = kind->natural;
    auto text = f->text(key);
    if (!text) return text.error();
    e.text = text.value();
    e.line = entry.second.Mark().line + 1;
    std::string value = e.text;
    for (const auto& [op, comparison] : {std::pair{">=", Comparison::AtLeast}, std::pair{"<=", Comparison::AtMost},
                                         std::pair{"==", Comparison::Equal}})
      if (value.rfind(op, 0) == 0) {
        e.comparison = comparison;
        value = value.substr(2);
      }
    value.erase(0, value.find_first_not_of(' '));
    auto threshold = parse_quantity(value, kind->dimension);
    if (!threshold) return f->error(key, threshold.error().message + " (an optional >=, <= or == may come first)");
    e.threshold = threshold.value();
    s.expectations.push_back(e);
  }
  return std::nullopt;
}

}  // namespace

Result<Scenario> parse_scenario(const YAML::Node& node, const std::string& file) {
  const YamlFields root(node, file, "");
  if (Status st = root.only({"name", "description", "device", "model", "firmware", "stack", "sensors", "labels", "inference",
                             "classes", "events", "anomaly_threshold", "idle", "duration", "seed", "battery",
                             "radio", "expect"}))
    return *st;
  Scenario s;
  s.file = file;
  s.fields = root;
  s.base_dir = fs::path(file).parent_path().string();
  s.name = fs::path(file).stem().string();
  for (auto [key, into] : {std::pair{"name", &s.name}, std::pair{"description", &s.description}})
    if (root.has(key)) {
      auto text = root.text(key);
      if (!text) return text.error();
      *into = text.value();
    }
  if (!root.has("device")) return root.error("device", "missing: the chip to run on (a name from devices/)");
  if (Status st = parse_device(root, s)) return *st;
  if (!root.has("model") && !root.has("firmware"))
    return root.error("model", "missing: the model (.tflite) for TinySim's firmware, or a firmware: of your own");
  if (root.has("model")) {
    auto model = existing_file(root, "model", s.base_dir);
    if (!model) return model.error();
    s.model = model.value();
  }
  if (root.has("firmware")) {
    auto firmware = root.text("firmware");
    if (!firmware) return firmware.error();
    // A bare name is a firmware TinySim builds for every core (build/firmware/<core>/).
    const bool path = firmware->find('/') != std::string::npos || fs::path(*firmware).extension() == ".elf";
    if (!path) {
      s.firmware_program = firmware.value();
    } else {
      auto elf = existing_file(root, "firmware", s.base_dir);
      if (!elf) return elf.error();
      s.firmware = elf.value();
    }
  }
  if (root.has("stack")) {
    auto stack = root.quantity("stack", Dimension::Bytes);
    if (!stack) return stack.error();
    if (stack.value() < 1024 || stack.value() > 1048576) return root.error("stack", "expected 1 KiB to 1 MiB");
    s.stack_bytes = static_cast<uint32_t>(stack.value());
  }
  if (Status st = parse_sensors(root, s)) return *st;
  if (Status st = parse_inference(root, s)) return *st;
  for (auto [key, into] : {std::pair{"classes", &s.classes}, std::pair{"events", &s.events}})
    if (root.has(key)) {
      auto list = names(root, key);
      if (!list) return list.error();
      *into = list.value();
    }
  if (root.has("anomaly_threshold")) {
    auto threshold = root.number("anomaly_threshold");
    if (!threshold) return threshold.error();
    // The chip compares in Q16.16 (docs/firmware-interface.md, CONFIG ANOMALY_THRESHOLD).
    if (threshold.value() < 1.0 / 65536 || threshold.value() >= 65536)
      return root.error("anomaly_threshold", "expected a mean squared error from 1/65536 to below 65536 (the chip "
                                             "compares in Q16.16)");
    s.anomaly_threshold = threshold.value();
    if (s.classes.size() != 2)
      return root.error("anomaly_threshold", "needs classes: [normal, anomaly] (below and above the threshold)");
    if (s.model.empty())
      return root.error("anomaly_threshold", "needs a model: the decision compares the model's input and output");
  }
  if (root.has("idle")) {
    auto idle = root.text("idle");
    if (!idle) return idle.error();
    if (*idle != "deep_sleep" && *idle != "sleep")
      return root.error("idle", "expected deep_sleep (the default) or sleep: the state the chip waits in between windows");
    s.idle_deep_sleep = *idle == "deep_sleep";
  }
  auto duration = root.quantity("duration", Dimension::Time);
  if (!duration) return duration.error();
  if (duration.value() <= 0 || duration.value() > 30 * 86400.0)
    return root.error("duration", "expected a positive time of at most 30 days");
  s.duration_seconds = duration.value();
  if (root.has("seed")) {
    auto seed = whole(root, "seed", 0, UINT64_MAX);
    if (!seed) return seed.error();
    s.seed = seed.value();
  }
  if (root.has("battery")) {
    auto battery = root.text("battery");
    if (!battery) return battery.error();
    s.battery = battery.value();
  }
  if (root.has("radio") && !root.node()["radio"].IsNull())  // radio: null (or --set radio=null): none
    if (Status st = parse_radio(root, s)) return *st;
  if (root.has("expect"))
    if (Status st = parse_expectations(root, s)) return *st;
  return s;
}

Result<Scenario> load_scenario(const std::string& path, const ScenarioOverrides& overrides) {
  auto loaded = load_yaml_file(path, "the scenario file");
  if (!loaded) return loaded.error();
  YAML::Node root = loaded.value();
  auto entries = override_entries(overrides);
  if (!entries) return entries.error();
  if (Status st = apply_overrides(root, entries.value(), path)) return *st;
  auto scenario = parse_scenario(root, path);
  if (scenario) {
    for (const OverrideEntry& entry : entries.value()) scenario->overridden.emplace_back(entry.path, entry.option);
    return scenario;
  }
  // A value set on the command line has no place in the file: name the option instead
  // (its position would be in the option's text, not in the file).
  Error e = scenario.error();
  for (const OverrideEntry& entry : entries.value()) {
    const bool inside = e.field == entry.path || e.field.rfind(entry.path + ".", 0) == 0;
    if (inside) e.line = e.column = 0;
    if (inside || entry.path.rfind(e.field + ".", 0) == 0) e.message += " (from " + entry.option + ")";
  }
  return e;
}

}  // namespace tinysim
