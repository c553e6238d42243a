#include "sensors/source_params.h"

#include <charconv>
#include <sstream>

namespace tinysim {
namespace {

std::string figure(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

Status check_range(const YamlFields& fields, std::string_view key, double value, Range range) {
  if (value >= range.min && value <= range.max) return std::nullopt;
  std::string unit = range.unit.empty() ? "" : " " + std::string(range.unit);
  return fields.error(key, "expected a value from " + figure(range.min) + " to " + figure(range.max) + unit +
                               ", got " + figure(value) + unit);
}

}  // namespace

Result<double> optional_number(const YamlFields& fields, std::string_view key, double fallback, Range range) {
  return optional_quantity(fields, key, Dimension::Fraction, fallback, range);
}

Status read_numbers(const YamlFields& fields, const std::vector<NumberParam>& params) {
  for (const NumberParam& p : params) {
    auto value = optional_number(fields, p.key, *p.value, p.range);
    if (!value) return value.error();
    *p.value = *value;
  }
  return std::nullopt;
}

Result<double> optional_quantity(const YamlFields& fields, std::string_view key, Dimension dimension,
                                 double fallback, Range range) {
  if (!fields.has(key)) return fallback;
  auto value = fields.quantity(key, dimension);
  if (!value) return value.error();
  if (auto bad = check_range(fields, key, *value, range)) return *bad;
  return *value;
}

Result<std::vector<double>> optional_per_class(const YamlFields& fields, std::string_view key,
                                               const std::vector<std::string>& classes,
                                               std::vector<double> fallback, Dimension dimension, Range range) {
  if (!fields.has(key)) return fallback;
  auto table = fields.map(key);
  if (!table) return table.error();
  for (const auto& entry : table->node()) {
    const std::string name = entry.first.Scalar();  // a list or map as a key: no class, refused below
    size_t i = 0;
    while (i < classes.size() && classes[i] != name) ++i;
    if (i == classes.size()) {
      std::string list;
      for (const auto& c : classes) list += (list.empty() ? "" : ", ") + c;
      Error e = table->error(name, "unknown class '" + name + "'; expected one of: " + list);
      e.line = entry.first.Mark().line + 1;
      e.column = entry.first.Mark().column + 1;
      return e;
    }
    auto value = table->quantity(name, dimension);
    if (!value) return value.error();
    if (auto bad = check_range(*table, name, *value, range)) return *bad;
    fallback[i] = *value;
  }
  return fallback;
}

Result<uint64_t> source_seed(const YamlFields& fields, const SourceContext& context) {
  if (!fields.has("seed")) return context.seed;
  auto text = fields.text("seed");
  if (!text) return text.error();
  uint64_t seed = 0;
  const char* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, seed);
  if (ec != std::errc() || ptr != end || text->empty()) {
    return fields.error("seed", "expected a non-negative integer, got '" + *text + "'");
  }
  return seed;
}

Status expect_channels(const YamlFields& fields, const SourceContext& context, unsigned channels,
                       const std::string& what) {
  if (context.channels == channels || context.channels == kSourceChannels) return std::nullopt;
  return fields.error("", "this source makes " + std::to_string(channels) + " channel" +
                              (channels == 1 ? "" : "s") + " (" + what + "), the sensor has " +
                              std::to_string(context.channels));
}

Status expect_duration(const YamlFields& fields, const SourceContext& context) {
  if (!(context.duration_seconds > 0.0)) return fields.error("", "a generator needs the run's duration (none given)");
  // Generators precompute their stream: keep it to 2 GB of samples (18 h of 16 kHz audio).
  constexpr double kMaxSamples = double(1u << 30);
  const double samples = context.duration_seconds * static_cast<double>(context.rate.hz_num) /
                         static_cast<double>(context.rate.hz_den) * context.channels;
  if (samples > kMaxSamples) {
    return fields.error("", "a generated stream of " + figure(context.duration_seconds) + " s at " +
                                describe_rate(context.rate) + " would hold " + figure(samples) +
                                " samples, more than the 2^30 a generator precomputes");
  }
  return std::nullopt;
}

std::string resolve_path(const std::string& path, const SourceContext& context) {
  if (path.empty() || path.front() == '/' || context.base_dir.empty()) return path;
  return context.base_dir + "/" + path;
}

std::string describe_rate(SampleRate rate) {
  return figure(static_cast<double>(rate.hz_num) / static_cast<double>(rate.hz_den)) + " Hz";
}

}  // namespace tinysim

namespace tinysim {

Status read_schedule(const YamlFields& fields, const std::vector<std::string>& classes, std::vector<double>& weights,
                     std::vector<double>& mean_seconds, Range duration) {
  auto w = optional_per_class(fields, "mix", classes, weights, Dimension::Fraction, {0.0, 1e6, ""});
  if (!w) return w.error();
  double total = 0.0;
  for (double x : *w) total += x;
  if (!(total > 0.0)) return fields.error("mix", "at least one class needs a weight above 0");
  auto m = optional_per_class(fields, "mean_duration", classes, mean_seconds, Dimension::Time, duration);
  if (!m) return m.error();
  weights = *w;
  mean_seconds = *m;
  return std::nullopt;
}

}  // namespace tinysim
