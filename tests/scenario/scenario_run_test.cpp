// Scenarios run end to end on the emulated chip with TinySim's firmware: results
// scored against the labels exactly as the matching rule says, energy and radio
// priced from the device file, reports byte-identical across runs, clear refusals.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "device/device_catalog.h"
#include "report/scenario_reports.h"
#include "scenario/scenario_parser.h"
#include "scenario/scenario_run.h"
#include "peripherals/motion_detector.h"
#include "peripherals/tinysim_block.h"
#include "runner/model_session.h"
#include "scenario_files.h"
#include "sensors/source_factory.h"
#include "tones_scenario.h"
#include "two_sensors_scenario.h"

namespace tinysim::test {
namespace {

Result<ScenarioOutcome> run_text(const std::string& name, const std::string& text, uint32_t model_inputs = 7,
                                 ScenarioRunOptions options = {}) {
  auto scenario = load_scenario(write_scenario(name, text, model_inputs));
  if (!scenario) return scenario.error();
  options.devices_dir = TINYSIM_SOURCE_DIR "/devices";
  return run_scenario(scenario.value(), options);
}

TEST(ScenarioRun, SignClassifierOnTonesScoresExactly) {
  auto run = run_text("exact", kTonesScenario);
  ASSERT_TRUE(run) << run.error().describe();
  const ScenarioOutcome& o = run.value();
  // 30 s at 50 Hz = 1500 frames; windows of 7 every 3 frames.
  EXPECT_EQ(o.data.sensor.frames_arrived, 1500u);
  EXPECT_EQ(o.data.results.size(), (1500u - 7u) / 3u + 1u);
  EXPECT_EQ(o.data.sensor.frames_dropped, 0u);
  // Every window's majority label is the sign of its sum, which the model computes.
  ASSERT_TRUE(o.scores.accuracy());
  EXPECT_DOUBLE_EQ(*o.scores.accuracy(), 1.0);
  EXPECT_EQ(o.scores.confusion[0][1] + o.scores.confusion[1][0] + o.scores.confusion[0][2] + o.scores.confusion[1][2], 0u);
  EXPECT_EQ(o.scores.confusion[0][0] + o.scores.confusion[1][1], o.data.results.size());
  // Ten 1 s "high" events; each is detected by the first window holding 4 of its frames,
  // the one ending 5 frames (0.1 s) after the event's start, plus the compute time.
  ASSERT_EQ(o.scores.events.size(), 10u);
  for (const EventOutcome& e : o.scores.events) {
    ASSERT_TRUE(e.latency_seconds) << e.first_frame;
    EXPECT_GE(*e.latency_seconds, 0.1);
    EXPECT_LT(*e.latency_seconds, 0.1 + 0.002);
  }
  EXPECT_EQ(o.scores.false_activations, 0u);
  EXPECT_EQ(o.scores.activations.size(), 10u);
  EXPECT_EQ(o.transmissions, 10u);
  for (const ExpectationResult& r : o.expectations) EXPECT_TRUE(r.passed) << r.expectation.key << " " << r.measured_text;
}

TEST(ScenarioRun, NormalizedFeaturesReachTheChipAndTheReport) {
  auto run = run_text("normalized", tones_scenario_with("  stride: 3\n", "  stride: 3\n  features: {kind: normalized, "
                                                                          "offset: [-5], shift: [1]}\n"));
  ASSERT_TRUE(run) << run.error().describe();
  const ScenarioOutcome& o = run.value();
  EXPECT_EQ(o.data.results.size(), (1500u - 7u) / 3u + 1u);
  EXPECT_TRUE(o.data.errors.empty());
  const YAML::Node json = YAML::Load(scenario_json(o));  // JSON is YAML
  EXPECT_EQ(json["scenario"]["inference"]["feature_kind"].as<int>(), 4);
  ASSERT_EQ(json["scenario"]["inference"]["normalization"].size(), 1u);
  EXPECT_EQ(json["scenario"]["inference"]["normalization"][0]["offset"].as<int>(), -5);
  EXPECT_EQ(json["scenario"]["inference"]["normalization"][0]["shift"].as<int>(), 1);
  EXPECT_FALSE(YAML::Load(scenario_json(run_text("raw", kTonesScenario).value()))["scenario"]["inference"]["normalization"]);
}

TEST(ScenarioRun, OnResultSeesEachResultAsItIsPublishedAndTheScoresSoFar) {
  std::vector<ScenarioOutcome> so_far;  // every 100th result's partial outcome
  size_t calls = 0;
  ScenarioRunOptions options;
  options.on_result = [&](const ScenarioOutcome& head, const ModelSession& session) {
    ++calls;
    EXPECT_EQ(session.block().mailbox().results().size(), calls);
    if (calls % 100 != 0) return;
    auto partial = outcome_so_far(head, session, TINYSIM_SOURCE_DIR "/devices");
    ASSERT_TRUE(partial) << partial.error().describe();
    so_far.push_back(std::move(partial.value()));
  };
  auto run = run_text("on_result", kTonesScenario, 7, options);
  ASSERT_TRUE(run) << run.error().describe();
  const ScenarioOutcome& o = run.value();
  EXPECT_EQ(calls, o.data.results.size());
  ASSERT_EQ(so_far.size(), o.data.results.size() / 100);
  double energy_before = 0;
  for (size_t i = 0; i < so_far.size(); ++i) {
    const ScenarioOutcome& p = so_far[i];
    ASSERT_EQ(p.data.results.size(), 100 * (i + 1));
    EXPECT_EQ(p.data.results.back().cycle, o.data.results[p.data.results.size() - 1].cycle);
    EXPECT_EQ(p.data.inferences.size(), p.data.results.size());
    EXPECT_EQ(p.scores.windows, p.data.results.size());  // scored so far, all right (as the full run)
    EXPECT_EQ(p.scores.correct, p.data.results.size());
    EXPECT_LT(p.data.sensor.frames_arrived, o.data.sensor.frames_arrived);
    EXPECT_TRUE(p.expectations.empty());
    // The machine so far: its clock just past the result, its power timeline the start of
    // the finished run's (the last state may still grow), the stack as deep as it got.
    EXPECT_GE(p.run.cycles, p.data.results.back().cycle);
    EXPECT_LT(p.run.cycles, o.run.cycles);
    ASSERT_FALSE(p.run.power.empty());
    ASSERT_LE(p.run.power.size(), o.run.power.size());
    for (size_t k = 0; k < p.run.power.size(); ++k) {
      EXPECT_EQ(p.run.power[k].cycle, o.run.power[k].cycle) << i << ":" << k;
      EXPECT_EQ(p.run.power[k].state, o.run.power[k].state) << i << ":" << k;
    }
    EXPECT_EQ(p.run.run_cycles + p.run.sleep_cycles + p.run.deep_sleep_cycles, p.run.cycles);
    EXPECT_GT(p.run.stack_high_water, 0u);
    EXPECT_LE(p.run.stack_high_water, o.run.stack_high_water);
    EXPECT_EQ(p.simulated_seconds, p.run.seconds());
    // Energy priced over exactly that timeline, growing run by run; the battery estimate from it.
    EXPECT_DOUBLE_EQ(p.energy.seconds, p.run.seconds());
    EXPECT_GT(p.energy.energy, energy_before);
    EXPECT_LT(p.energy.energy, o.energy.energy);
    energy_before = p.energy.energy;
    EXPECT_EQ(p.transmissions, p.scores.activations.size());  // the radio sends on "high" only
    ASSERT_TRUE(p.battery_life);
    EXPECT_GT(p.battery_life->hours, 0);
  }
  // Observing changes nothing.
  auto plain = run_text("on_result", kTonesScenario);
  ASSERT_TRUE(plain);
  EXPECT_EQ(scenario_json(plain.value()), scenario_json(o));
}

TEST(ScenarioRun, WakeOnMotionRunsOnlyWindowsWithMotionAndMissesNone) {
  // Each step between -1000 and +1000 counts moves the signal away from its running mean
  // for about 30 frames (2000 x (15/16)^k > 300); the +-50 noise never does.
  const std::string text = tones_scenario_with("  stride: 3\n", "  stride: 3\n  wake_on_motion: 300\n");
  auto gated = run_text("motion", text);
  ASSERT_TRUE(gated) << gated.error().describe();
  const ScenarioOutcome& o = gated.value();
  EXPECT_EQ(o.scenario.wake_on_motion, 300u);
  EXPECT_EQ(o.data.sensor.frames_dropped, 0u);
  EXPECT_GT(o.data.sensor.frames_idle, 0u);
  EXPECT_GT(o.data.results.size(), 0u);
  EXPECT_LT(o.data.results.size(), (1500u - 7u) / 3u + 1u);

  auto source = scenario_source(o.scenario);
  ASSERT_TRUE(source) << source.error().describe();
  const MotionDetector motion(source.value(), 300);
  std::vector<bool> covered(1500, false);
  for (const InferenceResult& r : o.data.results) {
    bool moved = false;
    for (uint64_t f = r.window->first_frame; f <= r.window->last_frame; ++f) {
      moved = moved || motion.active(f);
      covered[f] = true;
    }
    EXPECT_TRUE(moved) << "window " << r.window->first_frame << " has no motion";
  }
  uint64_t active = 0;
  for (uint64_t f = 7; f < 1500; ++f)
    if (motion.active(f)) {
      ++active;
      EXPECT_TRUE(covered[f]) << "motion at frame " << f << " was never inferred";
    }
  EXPECT_GE(active, 19u * 25u);  // 19 steps of at least 25 active frames
  ASSERT_TRUE(o.scores.accuracy());
  EXPECT_DOUBLE_EQ(*o.scores.accuracy(), 1.0);
  EXPECT_EQ(o.scores.detected_events(), 10u);
}

TEST(ScenarioRun, EnergyAndRadioArePricedFromTheDeviceFile) {
  auto run = run_text("energy", kTonesScenario);
  ASSERT_TRUE(run) << run.error().describe();
  const ScenarioOutcome& o = run.value();
  // nrf52840: 3.0 V, 3.3 mA run at 64 MHz, radio 6.40 mA at 1 Mbit/s: 20 bytes = 160 us.
  const double cycles = o.latency.mean_feature_cycles + o.latency.mean_inference_cycles;
  EXPECT_NEAR(o.energy_per_inference, 3.0 * 3.3e-3 * double(uint64_t(cycles)) / 64e6, 1e-15);
  bool radio = false;
  for (const ComponentEnergy& c : o.energy.components)
    if (c.component == "radio") {
      radio = true;
      EXPECT_NEAR(c.charge, 10 * 6.4e-3 * 160e-6, 1e-12);
    }
  EXPECT_TRUE(radio);
  EXPECT_GT(o.energy.average_current, 3.16e-6);
  EXPECT_LT(o.energy.average_current, 3.3e-3);
  ASSERT_TRUE(o.battery_life);
  EXPECT_DOUBLE_EQ(o.measured.values.at("battery_life"), o.battery_life->hours * 3600.0);
}

TEST(ScenarioRun, RegulatorModeChangesTheCurrentsItGives) {
  auto run = run_text("ldo", tones_scenario_with("device: nrf52840", "device: {name: nrf52840, regulator: ldo}"));
  ASSERT_TRUE(run) << run.error().describe();
  const ScenarioOutcome& o = run.value();
  // nrf52840 with the LDO: 6.3 mA run at 64 MHz, radio 12.2 mA (devices/nrf52840.yaml regulators: ldo).
  const double cycles = o.latency.mean_feature_cycles + o.latency.mean_inference_cycles;
  EXPECT_NEAR(o.energy_per_inference, 3.0 * 6.3e-3 * double(uint64_t(cycles)) / 64e6, 1e-15);
  for (const ComponentEnergy& c : o.energy.components) {
    if (c.component == "radio") { EXPECT_NEAR(c.charge, 10 * 12.2e-3 * 160e-6, 1e-12); }
  }
  EXPECT_EQ(o.energy.regulator, "ldo");
  const YAML::Node json = YAML::Load(scenario_json(o));  // JSON is YAML
  EXPECT_EQ(json["energy"]["regulator"].as<std::string>(), "ldo");
  bool said = false;
  for (const std::string& a : o.assumptions) said |= a.rfind("energy: regulator ldo: the currents are this mode's", 0) == 0;
  EXPECT_TRUE(said);
  // The same scenario on the DC/DC default uses less.
  auto dcdc = run_text("dcdc", kTonesScenario);
  ASSERT_TRUE(dcdc);
  EXPECT_EQ(dcdc->energy.regulator, "dcdc");
  EXPECT_NEAR(o.energy_per_inference / dcdc->energy_per_inference, 6.3 / 3.3, 1e-12);
}

TEST(ScenarioRun, UnknownRegulatorModeIsRefusedAtItsKey) {
  auto run = run_text("buck", tones_scenario_with("device: nrf52840", "device: {name: nrf52840, regulator: buck}"));
  ASSERT_FALSE(run);
  EXPECT_NE(run.error().describe().find(":2:37: device.regulator: no regulator mode 'buck' in the device's power: "
                                        "section; its modes: dcdc, ldo"),
            std::string::npos)
      << run.error().describe();
}

TEST(ScenarioRun, BetweenWindowsTheChipDeepSleepsUnlessIdleSaysSleep) {
  // stm32l476rg: sleep 2.6 mA at 80 MHz, deep sleep (Stop 2) 1.4 uA: the choice shows in the energy.
  const std::string on_l476 = replace_first(tones_scenario_with("device: nrf52840", "device: stm32l476rg"),
                                            "radio: {on: [high], bytes: 20}", "radio: null");
  auto deep = run_text("idle_deep", on_l476);
  auto light = run_text("idle_sleep", replace_first(on_l476, "seed: 5", "seed: 5\nidle: sleep"));
  ASSERT_TRUE(deep) << deep.error().describe();
  ASSERT_TRUE(light) << light.error().describe();
  auto state = [](const ScenarioOutcome& o, PowerState s) { return o.energy.states[static_cast<size_t>(s)]; };
  // The same run (the same stream, windows and results); the idle state differs, and the run
  // time by the few instructions per wake-up of the two sleep paths.
  EXPECT_EQ(deep->run.cycles, light->run.cycles);
  EXPECT_EQ(deep->data.results.size(), light->data.results.size());
  EXPECT_NEAR(state(*deep, PowerState::Run).seconds, state(*light, PowerState::Run).seconds,
              0.01 * state(*deep, PowerState::Run).seconds);
  EXPECT_DOUBLE_EQ(state(*deep, PowerState::Sleep).seconds, 0.0);
  EXPECT_DOUBLE_EQ(state(*light, PowerState::DeepSleep).seconds, 0.0);
  EXPECT_GT(state(*deep, PowerState::DeepSleep).seconds, 29.0);  // most of the 30 s
  EXPECT_NEAR(state(*deep, PowerState::DeepSleep).seconds + state(*deep, PowerState::Run).seconds,
              state(*light, PowerState::Sleep).seconds + state(*light, PowerState::Run).seconds, 1e-9);
  EXPECT_DOUBLE_EQ(state(*deep, PowerState::DeepSleep).current, 1.4e-6);
  EXPECT_DOUBLE_EQ(state(*light, PowerState::Sleep).current, 2.6e-3);
  EXPECT_EQ(deep->energy.wakeups, light->energy.wakeups);
  // The charges differ by each state's current x its time; the wake-ups (same count) cancel.
  const double run_current = state(*deep, PowerState::Run).current;
  const double expected = run_current * (state(*light, PowerState::Run).seconds - state(*deep, PowerState::Run).seconds) +
                          2.6e-3 * state(*light, PowerState::Sleep).seconds -
                          1.4e-6 * state(*deep, PowerState::DeepSleep).seconds;
  EXPECT_NEAR((light->energy.energy - deep->energy.energy) / light->energy.supply_voltage, expected, 1e-12);
  EXPECT_GT(light->energy.average_current, 1000 * deep->energy.average_current / 10);  // ~2.6 mA vs ~10 uA
  bool said = false;
  for (const std::string& a : deep->assumptions) said |= a.rfind("between windows TinySim's firmware waits in deep sleep", 0) == 0;
  EXPECT_TRUE(said);
  auto bad = run_text("idle_nap", tones_scenario_with("seed: 5", "seed: 5\nidle: nap"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().line, 21);
  EXPECT_EQ(bad.error().field, "idle");
  EXPECT_NE(bad.error().message.find("expected deep_sleep (the default) or sleep"), std::string::npos);
}

TEST(ScenarioRun, AClockTheChipCannotRunIsRefusedAtItsKey) {
  auto run = run_text("too_fast", tones_scenario_with("device: nrf52840", "device: {name: nrf52840, clock: 100 MHz}"));
  ASSERT_FALSE(run);
  EXPECT_NE(run.error().describe().find(":2:33: device.clock: nrf52840 runs its core at up to 64 MHz, not at 100 MHz "
                                        "(nRF52840 Product Specification"),
            std::string::npos)
      << run.error().describe();
}

TEST(ScenarioRun, SameScenarioTwiceGivesByteIdenticalReports) {
  auto a = run_text("twice_a", kTonesScenario);
  auto b = run_text("twice_a", kTonesScenario);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(scenario_json(a.value()), scenario_json(b.value()));
  EXPECT_EQ(scenario_trace(a.value()), scenario_trace(b.value()));
  EXPECT_EQ(scenario_junit("tones", &a.value(), nullptr), scenario_junit("tones", &b.value(), nullptr));
  auto other_seed = run_text("twice_c", tones_scenario_with("seed: 5", "seed: 6"));
  ASSERT_TRUE(other_seed);
  EXPECT_NE(scenario_json(a.value()), scenario_json(other_seed.value()));
}

TEST(ScenarioRun, FailedExpectationIsAJUnitFailureWithItsLine) {
  auto run = run_text("junit", tones_scenario_with("latency_p99: \"<= 5 ms\"", "latency_p99: \"<= 10 us\""));
  ASSERT_TRUE(run) << run.error().describe();
  EXPECT_FALSE(run->passed());
  const std::string xml = scenario_junit("tones", &run.value(), nullptr);
  EXPECT_NE(xml.find("<testsuite name=\"tinysim.tones\" tests=\"4\" failures=\"1\" errors=\"0\">"), std::string::npos)
      << xml;
  EXPECT_NE(xml.find("name=\"latency_p99 &lt;= 10 us\">\n      <failure message=\"measured "), std::string::npos) << xml;
  EXPECT_NE(xml.find("expected &lt;= 10 us (" + run->scenario.file + ":26)"), std::string::npos) << xml;
}

TEST(ScenarioRun, TraceHasEveryOpAndPowerStateOnTheSimulatedTimeline) {
  auto run = run_text("trace", kTonesScenario);
  ASSERT_TRUE(run) << run.error().describe();
  const YAML::Node trace = YAML::Load(scenario_trace(run.value()));
  size_t ops = 0, inferences = 0, power = 0;
  double last_power_end = 0;
  for (const auto& event : trace["traceEvents"]) {
    const std::string cat = event["cat"] ? event["cat"].as<std::string>() : "";
    if (cat == "op") ++ops;
    if (cat == "inference") ++inferences;
    if (cat == "power") {
      ++power;
      last_power_end = event["ts"].as<double>() + event["dur"].as<double>();
    }
  }
  EXPECT_EQ(inferences, run->data.inferences.size());
  EXPECT_EQ(ops, run->data.inferences.size());  // one FULLY_CONNECTED per inference
  EXPECT_GE(power, 2 * run->data.inferences.size());  // each window: a wake-up and a sleep
  EXPECT_NEAR(last_power_end, double(run->run.cycles) / 64.0, 1e-3);  // microseconds at 64 MHz
}

TEST(ScenarioRun, ModelThatDoesNotFitIsRefusedWithTheFigures) {
  // 20 000 raw samples: a 40 KB window alone exceeds the SAMD21's 32 KiB of RAM.
  std::string text = tones_scenario_with("window: 7", "window: 20000");
  text.replace(text.find("device: nrf52840"), 16, "device: samd21g18");
  text.replace(text.find("    channels: 1\n"), 16, "    channels: 1\n    fifo_depth: 20000\n");
  auto run = run_text("too_big", text, 20000);
  ASSERT_FALSE(run);
  const std::string e = run.error().describe();
  EXPECT_NE(e.find(":3:8: model: "), std::string::npos) << e;
  EXPECT_NE(e.find("does not fit samd21g18 with TinySim's firmware:\nRAM: needs"), std::string::npos) << e;
  EXPECT_NE(e.find("samd21g18 has 32 KiB"), std::string::npos) << e;
}

TEST(ScenarioRun, FeaturesThatDoNotMatchTheModelInputAreRefused) {
  auto run = run_text("mismatch", kTonesScenario, 8);
  ASSERT_FALSE(run);
  EXPECT_NE(run.error().describe().find(":15:3: inference: the features give 7 values per window but the model's "
                                        "input holds 8"),
            std::string::npos)
      << run.error().describe();
}

TEST(ScenarioRun, AnomalyThresholdNeedsAnAutoencoder) {
  // The sign classifier has 7 inputs and 2 outputs: not a reconstruction of its input.
  auto run = run_text("anomaly", tones_scenario_with("events: [high]", "events: [high]\nanomaly_threshold: 0.5"));
  ASSERT_FALSE(run);
  EXPECT_NE(run.error().describe().find(":19:20: anomaly_threshold: an anomaly threshold needs an autoencoder: one "
                                        "int8 output the size of its input (7 values)"),
            std::string::npos)
      << run.error().describe();
}

TEST(ScenarioRun, UnknownDeviceAndBatteryAreReportedAtTheirKeys) {
  auto device = run_text("no_device", tones_scenario_with("device: nrf52840", "device: nrf99"));
  ASSERT_FALSE(device);
  EXPECT_NE(device.error().describe().find(":2:9: device: unknown device 'nrf99'"), std::string::npos)
      << device.error().describe();
  auto battery = run_text("no_battery", tones_scenario_with("battery: cr2032", "battery: potato"));
  ASSERT_FALSE(battery);
  EXPECT_NE(battery.error().describe().find(":21:10: battery: unknown battery 'potato'"), std::string::npos)
      << battery.error().describe();
}


TEST(ScenarioRun, TwoSensorsFillOneFifoAndArePricedEachWithItsSource) {
  auto run = run_text("two_sensors", kTwoSensorsScenario, 21);
  ASSERT_TRUE(run) << run.error().describe();
  const ScenarioOutcome& o = run.value();
  EXPECT_EQ(o.data.sensor.frames_arrived, 1500u);
  EXPECT_EQ(o.data.sensor.frames_dropped, 0u);
  EXPECT_EQ(o.data.results.size(), (1500u - 7u) / 3u + 1u);
  // The window's sign follows left's label, the ground truth (labels: left).
  ASSERT_TRUE(o.scores.accuracy());
  EXPECT_DOUBLE_EQ(*o.scores.accuracy(), 1.0);
  EXPECT_EQ(o.scores.labelled, o.data.results.size());
  // Each sensor is its own external load: current x the run's time, with its source.
  std::vector<std::string> sensors;
  for (const ComponentEnergy& c : o.energy.components)
    if (c.component.rfind("sensor: ", 0) == 0) {
      sensors.push_back(c.component);
      const double current = c.component == "sensor: left" ? 10e-6 : 3e-6;
      EXPECT_NEAR(c.charge, current * o.simulated_seconds, 1e-15) << c.component;
      EXPECT_NEAR(c.energy, current * o.simulated_seconds * o.energy.supply_voltage, 1e-15) << c.component;
    }
  EXPECT_EQ(sensors, (std::vector<std::string>{"sensor: left", "sensor: right"}));
  bool left_source = false, right_source = false;
  for (const std::string& a : o.assumptions) {
    left_source |= a.find("test figure: left") != std::string::npos;
    right_source |= a.find("test figure: right") != std::string::npos;
  }
  EXPECT_TRUE(left_source && right_source);
  const YAML::Node json = YAML::Load(scenario_json(o));  // JSON is YAML
  EXPECT_EQ(json["sensor"]["name"].as<std::string>(), "left + right");
  EXPECT_EQ(json["sensor"]["channels"].as<int>(), 3);
  EXPECT_TRUE(json["sensor"]["scale"].IsNull());  // per sensor
  ASSERT_EQ(json["sensors"].size(), 2u);
  EXPECT_EQ(json["sensors"][0]["name"].as<std::string>(), "left");
  EXPECT_EQ(json["sensors"][0]["channels"].as<int>(), 2);
  EXPECT_TRUE(json["sensors"][0]["labels"].as<bool>());
  EXPECT_EQ(json["sensors"][1]["current_source"].as<std::string>(), "test figure: right");
  EXPECT_DOUBLE_EQ(json["sensors"][1]["current_ua"].as<double>(), 3.0);
  EXPECT_FALSE(json["sensors"][1]["labels"].as<bool>());
}

TEST(ScenarioRun, MergedChannelsThatDoNotMatchTheModelInputAreRefused) {
  auto run = run_text("two_sensors_mismatch", kTwoSensorsScenario, 14);
  ASSERT_FALSE(run);
  EXPECT_NE(run.error().describe().find(":27:3: inference: the features give 21 values per window but the model's "
                                        "input holds 14: change window, features or channels (frames of 3 channels: "
                                        "left 2 + right 1)"),
            std::string::npos)
      << run.error().describe();
}

}  // namespace
}  // namespace tinysim::test
