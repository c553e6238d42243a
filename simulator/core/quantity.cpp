#include "core/quantity.h"

#include <cstdlib>
#include <utility>
#include <vector>

namespace tinysim {
namespace {

using UnitTable = std::vector<std::pair<const char*, double>>;

const UnitTable& units(Dimension d) {
  static const UnitTable current{{"nA", 1e-9}, {"uA", 1e-6}, {"µA", 1e-6}, {"mA", 1e-3}, {"A", 1.0}};
  static const UnitTable per_hz{{"uA/MHz", 1e-12}, {"µA/MHz", 1e-12}, {"mA/MHz", 1e-9}};
  static const UnitTable voltage{{"mV", 1e-3}, {"V", 1.0}};
  static const UnitTable charge{{"uAh", 3.6e-3}, {"mAh", 3.6}, {"Ah", 3600.0}, {"C", 1.0}};
  static const UnitTable time{{"ns", 1e-9}, {"us", 1e-6}, {"µs", 1e-6}, {"ms", 1e-3}, {"s", 1.0}, {"min", 60.0},
                              {"h", 3600.0}, {"days", 86400.0}, {"day", 86400.0}, {"d", 86400.0},
                              {"years", 365.25 * 86400.0}, {"year", 365.25 * 86400.0}};
  static const UnitTable frequency{{"Hz", 1.0}, {"kHz", 1e3}, {"MHz", 1e6}};
  static const UnitTable energy{{"nJ", 1e-9}, {"uJ", 1e-6}, {"µJ", 1e-6}, {"mJ", 1e-3}, {"J", 1.0}};
  static const UnitTable per_year{{"%/year", 0.01}, {"%/month", 0.12}};
  static const UnitTable fraction{{"%", 0.01}, {"", 1.0}};
  static const UnitTable bytes{{"bytes", 1.0}, {"B", 1.0}, {"KiB", 1024.0}, {"MiB", 1048576.0}};
  switch (d) {
    case Dimension::Current: return current;
    case Dimension::CurrentPerHz: return per_hz;
    case Dimension::Voltage: return voltage;
    case Dimension::Charge: return charge;
    case Dimension::Time: return time;
    case Dimension::Frequency: return frequency;
    case Dimension::Energy: return energy;
    case Dimension::FractionPerYear: return per_year;
    case Dimension::Fraction: return fraction;
    case Dimension::Bytes: return bytes;
  }
  return fraction;
}

}  // namespace

std::string units_of(Dimension d) {
  std::string out;
  for (const auto& [name, scale] : units(d)) {
    (void)scale;
    if (*name == 0) continue;
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out.empty() ? "a plain number" : out;
}

Result<double> parse_quantity(const std::string& text, Dimension d) {
  const char* begin = text.c_str();
  char* end = nullptr;
  const double number = std::strtod(begin, &end);
  if (end == begin) return make_error("expected a number with a unit (" + units_of(d) + "), got '" + text + "'");
  std::string unit(end);
  while (!unit.empty() && unit.front() == ' ') unit.erase(unit.begin());
  while (!unit.empty() && unit.back() == ' ') unit.pop_back();
  for (const auto& [name, scale] : units(d))
    if (unit == name) return number * scale;
  return make_error("unit '" + unit + "' in '" + text + "': expected one of " + units_of(d));
}

}  // namespace tinysim
