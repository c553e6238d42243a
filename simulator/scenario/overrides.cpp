#include "scenario/overrides.h"

#include <cstdlib>

namespace tinysim {
namespace {

/// "sensors[0]" -> ("sensors", 0); "rate" -> ("rate", nullopt).
struct Segment {
  std::string key;
  std::optional<size_t> index;
};

Result<std::vector<Segment>> split_path(const std::string& path) {
  std::vector<Segment> segments;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t dot = path.find('.', start);
    std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    Segment s;
    const size_t bracket = part.find('[');
    if (bracket != std::string::npos) {
      if (part.back() != ']') return make_error("bad key '" + path + "': expected name[index]");
      const std::string digits = part.substr(bracket + 1, part.size() - bracket - 2);
      char* end = nullptr;
      const unsigned long index = std::strtoul(digits.c_str(), &end, 10);
      if (digits.empty() || *end) return make_error("bad key '" + path + "': '" + digits + "' is not a list index");
      s.index = index;
      part = part.substr(0, bracket);
    }
    if (part.empty()) return make_error("bad key '" + path + "': empty name");
    s.key = part;
    segments.push_back(s);
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return segments;
}

}  // namespace

Result<std::vector<OverrideEntry>> override_entries(const ScenarioOverrides& o) {
  std::vector<OverrideEntry> entries;
  if (o.device) entries.push_back({"device.name", *o.device, "--device " + *o.device});
  if (o.clock_mhz) entries.push_back({"device.clock", *o.clock_mhz + " MHz", "--clock-mhz " + *o.clock_mhz});
  if (o.duration) entries.push_back({"duration", *o.duration, "--duration " + *o.duration});
  if (o.seed) entries.push_back({"seed", *o.seed, "--seed " + *o.seed});
  if (o.battery) entries.push_back({"battery", *o.battery, "--battery " + *o.battery});
  for (const std::string& set : o.sets) {
    const size_t eq = set.find('=');
    if (eq == std::string::npos || eq == 0)
      return make_error("--set '" + set + "': expected key=value, e.g. --set inference.stride=0.25 s");
    entries.push_back({set.substr(0, eq), set.substr(eq + 1), "--set " + set});
  }
  return entries;
}

Status apply_overrides(YAML::Node& root, const std::vector<OverrideEntry>& entries, const std::string& file) {
  for (const OverrideEntry& entry : entries) {
    auto segments = split_path(entry.path);
    if (!segments) return make_error(entry.option + ": " + segments.error().message, file);
    YAML::Node value;
    try {
      value = YAML::Load(entry.value);
    } catch (const YAML::Exception& e) {
      return make_error(entry.option + ": the value is not valid YAML: " + e.msg, file);
    }
    YAML::Node at;
    at.reset(root);
    for (size_t i = 0; i < segments->size(); ++i) {
      const Segment& s = (*segments)[i];
      // A scalar shorthand that must become a map keeps its value as `name`
      // (device: nrf52840 with --clock-mhz becomes {name: nrf52840, clock: ...}).
      if (at.IsScalar()) {
        YAML::Node map(YAML::NodeType::Map);
        map["name"] = at.Scalar();
        at = map;
      }
      if (!at.IsMap() && at.IsDefined() && !at.IsNull())
        return make_error(entry.option + ": '" + s.key + "' is inside a value that is not a map", file);
      YAML::Node next = at[s.key];
      if (s.index) {
        if (!next.IsSequence() || *s.index >= next.size())
          return make_error(entry.option + ": '" + s.key + "' has no item " + std::to_string(*s.index), file);
        YAML::Node item = next[*s.index];
        next.reset(item);
      }
      if (i + 1 == segments->size()) {
        next = value;
      } else {
        at.reset(next);
      }
    }
  }
  return std::nullopt;
}

}  // namespace tinysim
