#include "core/format_number.h"
#include "core/join.h"
#include "report/fit_report.h"
#include "report/scenario_reports.h"

#include <cstdio>
#include <sstream>

namespace tinysim {
namespace {

std::string figure(const std::string& key, std::optional<double> v) {
  return v ? format_figure(key, *v) : std::string("-");
}

/// "1234 cycles", or "not marked" when the firmware wrote no PROFILE markers for it.
std::string cycles(double mean, size_t runs) {
  return runs ? format_number("%.0f", mean) + " cycles" : std::string("not marked");
}

/// The verdict lines of the expectations that answer `question`.
void print_verdicts(std::ostream& out, const ScenarioOutcome& o, const std::string& question) {
  for (const ExpectationResult& r : o.expectations) {
    const ExpectationKind* kind = find_expectation_kind(r.expectation.key);
    if (!kind || kind->question != question) continue;
    out << "    " << (r.passed ? "pass " : "FAIL ") << r.expectation.key << " " << r.measured_text << "  (expected "
        << describe_expectation(r.expectation) << ")\n";
  }
}

void print_scores(std::ostream& out, const Scores& s) {
  out << "  accuracy " << figure("accuracy", s.accuracy()) << " over " << s.labelled << " labelled windows of "
      << s.windows << "\n";
  out << "    class                 windows  precision  recall\n";
  for (const ClassScore& c : s.per_class) {
    char line[160];
    std::snprintf(line, sizeof line, "    %-20s %8llu  %9s  %6s\n", c.name.c_str(),
                  static_cast<unsigned long long>(c.actual),
                  c.precision() ? format_number("%.1f %%", *c.precision() * 100).c_str() : "-",
                  c.recall() ? format_number("%.1f %%", *c.recall() * 100).c_str() : "-");
    out << line;
  }
  if (s.event_classes.empty()) return;
  out << "  events " << s.detected_events() << " of " << s.events.size() << " detected ("
      << figure("event_recall", s.event_recall()) << "), median detection latency "
      << figure("detection_latency", s.detection_latency_p50()) << ", " << s.false_activations
      << " false activations (" << figure("false_activations_per_hour", s.false_activations_per_hour())
      << " per hour)\n";
}

}  // namespace

void print_scenario_summary(std::ostream& out, const ScenarioOutcome& o) {
  const Scenario& s = o.scenario;
  out << "Scenario " << s.name << (s.description.empty() ? "" : ": " + s.description) << "\n";
  if (!s.overridden.empty()) {  // the description is the file's; say what the command line changed
    std::vector<std::string> options;
    for (const auto& entry : s.overridden) options.push_back(entry.second);
    out << "  overridden: " << join(options) << "\n";
  }
  out << "  " << o.device.name << " (" << core_name(o.device.core) << ", " << format_number("%.1f", o.device.clock_hz / 1e6)
      << " MHz" << (o.energy.regulator.empty() ? "" : ", " + o.energy.regulator + " regulator") << "), "
      << (s.model.empty() ? "no model" : s.model)
      << (s.runtime_firmware() ? std::string() : ", firmware " + (s.firmware.empty() ? s.firmware_program : s.firmware))
      << "\n";
  out << "  " << s.sensor_names() << " at " << format_number("%.6g", double(s.rate().hz_num) / double(s.rate().hz_den))
      << " Hz x " << s.channels()
      << (s.sensors.size() > 1 ? " (labels from " + s.sensors[s.label_sensor].name + ")" : std::string())
      << ", window " << s.features.window_frames << " frames, stride "
      << s.features.stride_frames << (s.wake_on_motion ? ", wake on motion above " + std::to_string(s.wake_on_motion) + " counts" : std::string())
      << (s.decision ? ", keywords decided on the chip (average " + std::to_string(s.decision->windows) +
                           " windows, threshold " + format_number("%.6g", s.decision->threshold) + ", suppress " +
                           std::to_string(s.decision->suppress_frames) + " frames)"
                     : std::string())
      << "; " << format_number("%.1f", o.simulated_seconds) << " s simulated, seed " << s.seed
      << ", " << o.data.results.size() << " inferences\n\n";

  out << "Fits?\n";
  if (o.fit) {
    std::ostringstream fit;
    print_fit(fit, *o.fit);
    std::string text = fit.str();
    for (size_t at = 0; (at = text.find('\n', at)) != std::string::npos && at + 1 < text.size(); at += 3)
      text.insert(at + 1, "  ");
    out << "  " << text;
  } else {
    out << "  firmware of your own: flash " << format_size(o.run.memory.flash_used) << ", RAM " << format_size(o.run.memory.ram_used)
        << " static" << (s.model.empty() ? "; no model: no tensor arena, no per-layer profile" : "") << "\n";
  }
  out << "  peak arena " << figure("peak_arena", o.data.arena ? std::optional<double>(double(o.data.arena->total())) : std::nullopt)
      << ", stack high-water " << format_size(o.run.stack_high_water) << "\n";
  print_verdicts(out, o, "fits");

  out << "Fast enough?\n  latency p50 " << figure("latency_p50", o.latency.p50) << ", p99 "
      << figure("latency_p99", o.latency.p99) << " (last frame of the window to the result); inference "
      << cycles(o.latency.mean_inference_cycles, o.latency.inference_runs) << ", features "
      << cycles(o.latency.mean_feature_cycles, o.latency.feature_runs) << "; " << o.data.sensor.frames_dropped
      << " samples dropped";
  if (s.wake_on_motion) out << ", " << o.data.sensor.frames_idle << " overwritten while idle";
  out << "\n";
  print_verdicts(out, o, "fast");

  out << "Right?\n";
  print_scores(out, o.scores);
  print_verdicts(out, o, "right");

  out << "Battery life?\n";
  if (o.energy.supply_voltage > 0) {
    out << "  average current " << format_figure("average_current", o.energy.average_current) << ", "
        << (o.latency.profiled() ? format_figure("energy_per_inference", o.energy_per_inference) : std::string("-"))
        << " per inference";
    if (o.transmissions) out << ", " << o.transmissions << " radio packets";
    out << "\n";
    if (o.battery_life)
      out << "  " << o.battery_life->battery << ": " << format_figure("battery_life", o.battery_life->hours * 3600)
          << " (" << o.battery_life->limit() << ")\n";
    out << "  energy by component:";
    for (const ComponentEnergy& c : o.energy.components)
      if (c.energy > 0)
        out << "  " << c.component << " "
            << (c.energy >= 10 ? format_number("%.2f", c.energy) + " J" : format_number("%.3g", c.energy * 1e3) + " mJ");
    out << "\n";
  }
  print_verdicts(out, o, "battery");

  out << "\nAssumptions:\n";
  for (const std::string& a : o.assumptions) out << "  - " << a << "\n";
  size_t failed = 0;
  for (const ExpectationResult& r : o.expectations) failed += r.passed ? 0 : 1;
  out << "\n";
  if (failed) out << failed << " of " << o.expectations.size() << " expectations FAILED\n";
  else out << "All " << o.expectations.size() << " expectations met\n";
}

}  // namespace tinysim
