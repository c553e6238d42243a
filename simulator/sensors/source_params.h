#pragma once
// Reading a source map's parameters: optional keys with a default and an allowed range,
// per-class tables ({idle: 2, walking: 1}), the seed, and checks against the sensor.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/yaml_fields.h"
#include "sensors/source_factory.h"

namespace tinysim {

/// Allowed values of a parameter, inclusive, with the unit for messages ("mg", "dB").
struct Range {
  double min;
  double max;
  std::string_view unit = "";
};

/// A plain number at `key`, or `fallback` when the key is absent.
Result<double> optional_number(const YamlFields& fields, std::string_view key, double fallback, Range range);
/// One plain-number parameter: its key, where its value (holding the default) goes, and
/// its range.
struct NumberParam {
  std::string_view key;
  double* value;
  Range range;
};
/// Reads every parameter of `params` that is present.
Status read_numbers(const YamlFields& fields, const std::vector<NumberParam>& params);
/// A figure with a unit at `key` ("2 s", "30 Hz") in SI, or `fallback` (SI) when absent.
Result<double> optional_quantity(const YamlFields& fields, std::string_view key, Dimension dimension,
                                 double fallback, Range range);
/// A map from class name to a value ({idle: 2 s, walking: 8 s}) at `key`: every key must
/// be one of `classes`; absent classes keep their `fallback`. `dimension` Fraction means
/// plain numbers.
Result<std::vector<double>> optional_per_class(const YamlFields& fields, std::string_view key,
                                               const std::vector<std::string>& classes,
                                               std::vector<double> fallback, Dimension dimension, Range range);
/// The `seed:` key (a non-negative integer) or the context's seed.
Result<uint64_t> source_seed(const YamlFields& fields, const SourceContext& context);
/// Errors unless the sensor has `channels` channels; `what` says which ("x, y, z").
Status expect_channels(const YamlFields& fields, const SourceContext& context, unsigned channels,
                       const std::string& what);
/// Errors unless the context gives a positive duration.
Status expect_duration(const YamlFields& fields, const SourceContext& context);
/// `path` resolved against the context's base folder unless absolute.
std::string resolve_path(const std::string& path, const SourceContext& context);
/// "3.2 kHz"-style text for messages.
std::string describe_rate(SampleRate rate);

}  // namespace tinysim

namespace tinysim {

/// A schedule's `mix:` ({class: weight}, at least one > 0) and `mean_duration:`
/// ({class: 8 s}) keys, over the defaults in `weights` and `mean_seconds`.
Status read_schedule(const YamlFields& fields, const std::vector<std::string>& classes, std::vector<double>& weights,
                     std::vector<double>& mean_seconds, Range duration);

}  // namespace tinysim
