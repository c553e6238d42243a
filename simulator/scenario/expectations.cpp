#include "scenario/expectations.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/format_number.h"
#include "device/device.h"

namespace tinysim {
namespace {

std::string printf_text(const char* fmt, double v, const char* unit) { return format_number(fmt, v) + unit; }

std::string time_text(double s) {
  if (s >= 2 * 365.25 * 86400) return printf_text("%.2f", s / (365.25 * 86400), " years");
  if (s >= 2 * 86400) return printf_text("%.1f", s / 86400, " days");
  if (s >= 2 * 3600) return printf_text("%.1f", s / 3600, " h");
  if (s >= 1) return printf_text("%.3f", s, " s");
  return printf_text("%.3f", s * 1e3, " ms");
}

}  // namespace

const std::vector<ExpectationKind>& expectation_kinds() {
  static const std::vector<ExpectationKind> kinds{
      {"flash", Dimension::Bytes, Comparison::AtMost, "fits"},
      {"peak_arena", Dimension::Bytes, Comparison::AtMost, "fits"},
      {"stack", Dimension::Bytes, Comparison::AtMost, "fits"},
      {"latency_p50", Dimension::Time, Comparison::AtMost, "fast"},
      {"latency_p99", Dimension::Time, Comparison::AtMost, "fast"},
      {"dropped_samples", Dimension::Fraction, Comparison::AtMost, "fast"},
      {"accuracy", Dimension::Fraction, Comparison::AtLeast, "right"},
      {"event_recall", Dimension::Fraction, Comparison::AtLeast, "right"},
      {"false_activations_per_hour", Dimension::Fraction, Comparison::AtMost, "right"},
      {"detection_latency", Dimension::Time, Comparison::AtMost, "right"},
      {"energy_per_inference", Dimension::Energy, Comparison::AtMost, "battery"},
      {"average_current", Dimension::Current, Comparison::AtMost, "battery"},
      {"battery_life", Dimension::Time, Comparison::AtLeast, "battery"},
  };
  return kinds;
}

const ExpectationKind* find_expectation_kind(const std::string& key) {
  for (const ExpectationKind& k : expectation_kinds())
    if (key == k.key) return &k;
  return nullptr;
}

std::string format_figure(const std::string& key, double v) {
  const ExpectationKind* kind = find_expectation_kind(key);
  if (!kind) return printf_text("%g", v, "");
  switch (kind->dimension) {
    case Dimension::Bytes: return format_size(static_cast<uint64_t>(v));
    case Dimension::Time: return time_text(v);
    case Dimension::Energy: return printf_text("%.2f", v * 1e6, " uJ");
    case Dimension::Current: return v >= 1e-3 ? printf_text("%.3f", v * 1e3, " mA") : printf_text("%.2f", v * 1e6, " uA");
    default: break;
  }
  if (key == "accuracy" || key == "event_recall") return printf_text("%.1f", v * 100, " %");
  if (key == "dropped_samples") return printf_text("%.0f", v, "");
  return printf_text("%.2f", v, "");
}

std::string describe_expectation(const Expectation& e) {
  const char* op = e.comparison == Comparison::AtLeast ? ">= " : e.comparison == Comparison::AtMost ? "<= " : "== ";
  std::string threshold = e.text;
  for (const char* prefix : {">=", "<=", "=="})
    if (threshold.rfind(prefix, 0) == 0) threshold = threshold.substr(2);
  threshold.erase(0, threshold.find_first_not_of(' '));
  return op + threshold;
}

std::vector<ExpectationResult> check_expectations(const std::vector<Expectation>& expectations,
                                                 const MeasuredFigures& measured) {
  std::vector<ExpectationResult> out;
  for (const Expectation& e : expectations) {
    ExpectationResult r;
    r.expectation = e;
    const auto it = measured.values.find(e.key);
    if (it == measured.values.end()) {
      const auto why = measured.why_not.find(e.key);
      r.measured_text = "not measured" + (why == measured.why_not.end() ? std::string() : ": " + why->second);
      out.push_back(r);
      continue;
    }
    const double v = it->second;
    r.measured = v;
    r.measured_text = format_figure(e.key, v);
    // Thresholds are compared in the units they were written in, to a relative 1e-9,
    // so "== 0" and "<= 64 KiB" mean what they say despite floating point.
    const double slack = 1e-9 * std::max(1.0, std::abs(e.threshold));
    switch (e.comparison) {
      case Comparison::AtLeast: r.passed = v >= e.threshold - slack; break;
      case Comparison::AtMost: r.passed = v <= e.threshold + slack; break;
      case Comparison::Equal: r.passed = std::abs(v - e.threshold) <= slack; break;
    }
    out.push_back(r);
  }
  return out;
}

}  // namespace tinysim
