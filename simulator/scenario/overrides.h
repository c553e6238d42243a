#pragma once
// Exploring without editing files: --device, --clock-mhz, --duration, --seed,
// --battery and --set key=value, applied to the scenario's YAML tree before it is
// parsed, so a bad value is reported like one written in the file.
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/error.h"

namespace tinysim {

struct ScenarioOverrides {
  std::optional<std::string> device;
  std::optional<std::string> clock_mhz;
  std::optional<std::string> duration;  ///< as in the file: "10 min"
  std::optional<std::string> seed;
  std::optional<std::string> battery;
  std::vector<std::string> sets;  ///< "key=value"; key is a path like inference.stride or sensors[0].rate

  bool empty() const { return !device && !clock_mhz && !duration && !seed && !battery && sets.empty(); }
};

/// Each override as a (path, YAML value) pair, in the order applied.
struct OverrideEntry {
  std::string path;    ///< "device.name", "sensors[0].rate"
  std::string value;
  std::string option;  ///< how the user wrote it: "--set sensors[0].rate=100 Hz"
};

/// The overrides as path/value pairs; a --set without '=' or an empty key is an error.
Result<std::vector<OverrideEntry>> override_entries(const ScenarioOverrides& overrides);

/// Writes each entry into `root` (creating maps on the way; list indices must exist).
Status apply_overrides(YAML::Node& root, const std::vector<OverrideEntry>& entries, const std::string& file);

}  // namespace tinysim
