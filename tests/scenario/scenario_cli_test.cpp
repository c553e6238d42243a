// `tinysim --scenario` as a user or CI runs it: exit codes, the summary, the report
// files, overrides, and no progress bar when the output is not a terminal.
#include <gtest/gtest.h>

#include "cli_runner.h"
#include "scenario_files.h"
#include "tones_scenario.h"

namespace tinysim::test {
namespace {

using Outcome = CliOutcome;

Outcome tinysim(const std::string& args) { return run_cli(args); }

/// The tones scenario (with `text` instead) in a fresh folder; returns the folder.
std::string folder(const std::string& name, const std::string& text = kTonesScenario) {
  const std::string dir = scratch_dir("cli_" + name);
  write_sign_classifier(dir + "/sign.tflite", 7);
  write_text(dir + "/tones.yaml", text);
  return dir;
}

TEST(ScenarioCli, AllExpectationsMetExitsZeroWithTheSummary) {
  const std::string dir = folder("pass");
  const Outcome o = tinysim("--scenario " + dir + "/tones.yaml");
  EXPECT_EQ(o.exit_code, 0) << o.out;
  for (const char* line : {"Fits?\n", "Fast enough?\n", "Right?\n", "Battery life?\n", "All 4 expectations met\n",
                           "pass accuracy 100.0 %  (expected >= 99 %)", "events 10 of 10 detected",
                           "s of simulated time in "})
    EXPECT_NE(o.out.find(line), std::string::npos) << line << "\n" << o.out;
  EXPECT_EQ(o.out.find('\r'), std::string::npos) << "a progress bar in a pipe";
}

TEST(ScenarioCli, FailedExpectationExitsOne) {
  const std::string dir = folder("fail");
  const Outcome o = tinysim("scenario " + dir + "/tones.yaml --set 'expect.latency_p99=<= 10 us'");
  EXPECT_EQ(o.exit_code, 1) << o.out;
  EXPECT_NE(o.out.find("FAIL latency_p99 "), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("1 of 4 expectations FAILED"), std::string::npos) << o.out;
}

TEST(ScenarioCli, BadInputExitsTwoWithWhereAndWhat) {
  const std::string dir = folder("bad", tones_scenario_with("seed: 5", "seed: five"));
  const Outcome o = tinysim("--scenario " + dir + "/tones.yaml --junit " + dir + "/results.xml");
  EXPECT_EQ(o.exit_code, 2) << o.out;
  EXPECT_NE(o.out.find(dir + "/tones.yaml:20:7: seed: expected a whole number"), std::string::npos) << o.out;
  const std::string xml = read_text(dir + "/results.xml");
  EXPECT_NE(xml.find("<testcase classname=\"tinysim." + dir + "/tones.yaml\" name=\"run\">\n      <error message=\""),
            std::string::npos)
      << xml;
  EXPECT_EQ(tinysim("--scenario " + dir + "/absent.yaml").exit_code, 2);
  EXPECT_EQ(tinysim("--scenario " + dir + "/tones.yaml --frobnicate 3").exit_code, 2);
  const Outcome device = tinysim("--scenario " + folder("device") + "/tones.yaml --device nrf99");
  EXPECT_EQ(device.exit_code, 2);
  EXPECT_NE(device.out.find("tones.yaml: device: unknown device 'nrf99'"), std::string::npos) << device.out;
  EXPECT_NE(device.out.find("(from --device nrf99)"), std::string::npos) << device.out;
}

TEST(ScenarioCli, ReportsAreWrittenAndByteIdenticalAcrossRuns) {
  const std::string dir = folder("reports");
  const std::string outputs = " --report " + dir + "/run.json --junit " + dir + "/results.xml --trace " + dir +
                              "/trace.json --quiet";
  const Outcome first = tinysim("--scenario " + dir + "/tones.yaml" + outputs);
  EXPECT_EQ(first.exit_code, 0) << first.out;
  EXPECT_EQ(first.out, "");  // --quiet
  const std::string json = read_text(dir + "/run.json");
  const std::string trace = read_text(dir + "/trace.json");
  EXPECT_EQ(json.rfind("{\n  \"tinysim_report\": \"scenario\",\n  \"version\": 1,\n", 0), 0u) << json.substr(0, 200);
  EXPECT_NE(read_text(dir + "/results.xml").find("tests=\"4\" failures=\"0\" errors=\"0\""), std::string::npos);
  EXPECT_NE(trace.find("\"traceEvents\""), std::string::npos);
  ASSERT_EQ(tinysim("--scenario " + dir + "/tones.yaml" + outputs).exit_code, 0);
  EXPECT_EQ(read_text(dir + "/run.json"), json);
  EXPECT_EQ(read_text(dir + "/trace.json"), trace);
}

TEST(ScenarioCli, OverridesChangeTheRun) {
  const std::string dir = folder("overrides");
  const Outcome o = tinysim("--scenario " + dir + "/tones.yaml --device stm32l476rg --clock-mhz 16 --duration '15 s' "
                            "--seed 8 --battery 2xaa-alkaline --set inference.stride=7 --set radio=null");
  EXPECT_EQ(o.exit_code, 0) << o.out;
  EXPECT_NE(o.out.find("stm32l476rg (cortex-m4, 16.0 MHz, ldo regulator)"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("stride 7; 15.0 s simulated, seed 8, 107 inferences"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("2xaa-alkaline: "), std::string::npos) << o.out;
}

}  // namespace
}  // namespace tinysim::test
