#include "energy/battery.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "core/yaml_fields.h"

namespace tinysim {
namespace {

constexpr double kHoursPerYear = 24.0 * 365.25;

Result<Battery> parse_battery(const YamlFields& f) {
  if (Status s = f.only({"name", "description", "capacity", "nominal_voltage", "cutoff_voltage", "self_discharge",
                         "shelf_life", "pulse_derating", "source"}))
    return *s;
  Battery b;
  auto name = f.text("name");
  auto capacity = f.quantity("capacity", Dimension::Charge);
  auto nominal = f.quantity("nominal_voltage", Dimension::Voltage);
  auto cutoff = f.quantity("cutoff_voltage", Dimension::Voltage);
  auto self = f.quantity("self_discharge", Dimension::FractionPerYear);
  auto shelf = f.quantity("shelf_life", Dimension::Time);
  auto source = f.text("source");
  for (const auto* r : {&capacity, &nominal, &cutoff, &self, &shelf})
    if (!*r) return r->error();
  if (!name) return name.error();
  if (!source) return f.error("source", "every battery needs its datasheet source");
  b.name = name.value();
  b.description = b.name;
  if (f.has("description")) {
    auto description = f.text("description");
    if (!description) return description.error();
    b.description = description.value();
  }
  b.capacity = capacity.value();
  b.nominal_voltage = nominal.value();
  b.cutoff_voltage = cutoff.value();
  b.self_discharge = self.value();
  b.shelf_life = shelf.value();
  b.source = source.value();
  if (b.capacity <= 0) return f.error("capacity", "must be positive");
  if (b.shelf_life <= 0) return f.error("shelf_life", "must be positive (the datasheet's storage life, e.g. '10 years')");
  if (b.cutoff_voltage >= b.nominal_voltage) return f.error("cutoff_voltage", "must be below nominal_voltage");
  if (f.has("pulse_derating")) {
    const YAML::Node list = f.node()["pulse_derating"];
    if (!list.IsSequence()) return f.error("pulse_derating", "expected a list of {peak, usable}");
    for (size_t i = 0; i < list.size(); ++i) {
      YamlFields point(list[i], f.file(), f.field("pulse_derating") + "[" + std::to_string(i) + "]");
      if (Status s = point.only({"peak", "usable"})) return *s;
      auto peak = point.quantity("peak", Dimension::Current);
      auto usable = point.quantity("usable", Dimension::Fraction);
      if (!peak) return peak.error();
      if (!usable) return usable.error();
      if (usable.value() <= 0 || usable.value() > 1) return point.error("usable", "expected a fraction in (0, 1]");
      if (!b.derating.empty() && peak.value() <= b.derating.back().peak_current)
        return point.error("peak", "peaks must increase down the list");
      b.derating.push_back({peak.value(), usable.value()});
    }
  }
  return b;
}

/// Linear interpolation in the derating table, flat beyond its ends.
double usable_fraction(const Battery& b, double peak) {
  if (b.derating.empty()) return 1.0;
  if (peak <= b.derating.front().peak_current) return b.derating.front().usable;
  for (size_t i = 1; i < b.derating.size(); ++i) {
    const DeratingPoint& lo = b.derating[i - 1];
    const DeratingPoint& hi = b.derating[i];
    if (peak <= hi.peak_current)
      return lo.usable + (hi.usable - lo.usable) * (peak - lo.peak_current) / (hi.peak_current - lo.peak_current);
  }
  return b.derating.back().usable;
}

std::string text(const char* fmt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

/// "10 years", "18.5 months" style: a life as a user reads it.
std::string duration_text(double hours) {
  if (hours >= 2 * kHoursPerYear) return text("%.3g years", hours / kHoursPerYear);
  return text("%.3g days", hours / 24.0);
}

}  // namespace

std::string BatteryLife::limit() const {
  return limited_by_shelf_life() ? "limited by shelf life " + duration_text(shelf_life_hours) : "limited by charge";
}

Result<Battery> load_battery_file(const std::string& path) {
  auto root = load_yaml_file(path, "the battery file");
  if (!root) return root.error();
  return parse_battery(YamlFields(root.value(), path, ""));
}

Result<std::vector<Battery>> list_batteries(const std::string& dir) {
  std::vector<std::string> paths;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".yaml") paths.push_back(entry.path().string());
  if (ec) return make_error("cannot list batteries: " + ec.message(), dir);
  std::sort(paths.begin(), paths.end());
  std::vector<Battery> out;
  for (const std::string& path : paths) {
    auto b = load_battery_file(path);
    if (!b) return b.error();
    out.push_back(b.value());
  }
  return out;
}

Result<Battery> find_battery(const std::string& name_or_path, const std::string& dir) {
  const bool is_path = name_or_path.find('/') != std::string::npos ||
                       std::filesystem::path(name_or_path).extension() == ".yaml";
  if (is_path)
    return load_battery_file(name_or_path);
  auto all = list_batteries(dir);
  if (!all) return all.error();
  std::string known;
  for (const Battery& b : all.value()) {
    if (b.name == name_or_path) return b;
    known += (known.empty() ? "" : ", ") + b.name;
  }
  return make_error("unknown battery '" + name_or_path + "'; known: " + known, dir);
}

BatteryLife estimate_battery_life(const Battery& battery, double average_current, double peak_current) {
  BatteryLife life;
  life.battery = battery.name;
  life.derating = usable_fraction(battery, peak_current);
  life.usable_charge = battery.capacity * life.derating;
  life.self_discharge_current = battery.capacity * battery.self_discharge / (kHoursPerYear * 3600.0);
  const double drain = average_current + life.self_discharge_current;
  life.charge_hours = drain > 0 ? life.usable_charge / drain / 3600.0 : 0;
  life.shelf_life_hours = battery.shelf_life / 3600.0;
  life.hours = std::min(life.charge_hours, life.shelf_life_hours);
  // The charge falls linearly at `drain` until the life ends: at 0% when the charge
  // runs out, above it when the shelf life comes first.
  constexpr int kPoints = 50;
  for (int i = 0; i <= kPoints; ++i) {
    const double hours = life.hours * i / kPoints;
    const double left = life.charge_hours > 0 ? 1.0 - hours / life.charge_hours : 0.0;
    life.state_of_charge.push_back({hours / 24.0, 100.0 * std::max(left, 0.0)});
  }
  life.assumptions = {
      battery.description + ": " + text("%.0f mAh", battery.capacity / 3.6) + " rated, " +
          text("%.2f V", battery.nominal_voltage) + " nominal, " + text("%.2f V", battery.cutoff_voltage) +
          " cut-off (" + battery.source + ")",
      "usable " + text("%.0f%%", 100 * life.derating) + " of rated capacity at " +
          text("%.2f mA", peak_current * 1e3) + " peak current" +
          (battery.derating.empty() ? std::string(" (no pulse derating for this battery)") : std::string()),
      "self-discharge " + text("%.1f%%", battery.self_discharge * 100) + " per year, taken as a constant " +
          text("%.3f uA", life.self_discharge_current * 1e6) + " drain",
      "constant average current " + text("%.3f uA", average_current * 1e6) +
          "; no temperature effects; the usable charge lasts " + duration_text(life.charge_hours),
      "shelf life " + duration_text(life.shelf_life_hours) +
          " (the datasheet above): life is the shorter of the two, " + life.limit()};
  return life;
}

}  // namespace tinysim
