#include "report/scenario_reports.h"

namespace tinysim {
namespace {

std::string xml_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\n': out += "&#10;"; break;  // kept in attributes (XML normalises a raw one to a space)
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string scenario_junit(const std::string& name, const ScenarioOutcome* o, const Error* error) {
  const std::string suite = xml_escape("tinysim." + name);
  size_t tests = 1, failures = 0;
  if (o) {
    tests = o->expectations.size();
    for (const ExpectationResult& r : o->expectations) failures += r.passed ? 0 : 1;
  }
  const std::string counts = "tests=\"" + std::to_string(tests) + "\" failures=\"" + std::to_string(failures) +
                             "\" errors=\"" + std::to_string(error ? 1 : 0) + "\"";
  // No wall-clock times: the same run gives the same file.
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites " + counts + ">\n";
  x += "  <testsuite name=\"" + suite + "\" " + counts + ">\n";
  if (error) {
    x += "    <testcase classname=\"" + suite + "\" name=\"run\">\n";
    x += "      <error message=\"" + xml_escape(error->describe()) + "\"/>\n    </testcase>\n";
  }
  if (o)
    for (const ExpectationResult& r : o->expectations) {
      const std::string expected = describe_expectation(r.expectation);
      x += "    <testcase classname=\"" + suite + "\" name=\"" + xml_escape(r.expectation.key + " " + expected) + "\"";
      if (r.passed) {
        x += "/>\n";
        continue;
      }
      x += ">\n      <failure message=\"" +
           xml_escape("measured " + r.measured_text + ", expected " + expected + " (" + o->scenario.file + ":" +
                      std::to_string(r.expectation.line) + ")") +
           "\"/>\n    </testcase>\n";
    }
  return x + "  </testsuite>\n</testsuites>\n";
}

}  // namespace tinysim
