// Units, power profiles and the energy meter: exact figures worked out by hand.
#include <gtest/gtest.h>

#include "core/quantity.h"
#include "energy/energy_meter.h"
#include "energy/power_profile.h"

namespace tinysim {
namespace {

TEST(Quantity, ConvertsToSi) {
  EXPECT_DOUBLE_EQ(parse_quantity("45 uA/MHz", Dimension::CurrentPerHz).value(), 45e-12);
  EXPECT_DOUBLE_EQ(parse_quantity("1.5 uA", Dimension::Current).value(), 1.5e-6);
  EXPECT_DOUBLE_EQ(parse_quantity("235 mAh", Dimension::Charge).value(), 235 * 3.6);
  EXPECT_DOUBLE_EQ(parse_quantity("120 MHz", Dimension::Frequency).value(), 120e6);
  EXPECT_DOUBLE_EQ(parse_quantity("2 %/month", Dimension::FractionPerYear).value(), 0.24);
  EXPECT_DOUBLE_EQ(parse_quantity("0.8", Dimension::Fraction).value(), 0.8);
}

TEST(Quantity, WrongUnitNamesTheExpectedOnes) {
  auto r = parse_quantity("3 mA", Dimension::Voltage);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "unit 'mA' in '3 mA': expected one of mV, V");
  EXPECT_FALSE(parse_quantity("fast", Dimension::Time));
}

constexpr const char* kPower = R"(
supply: {voltage: 3.0 V, source: "ds table 1"}
run: {current: 50 uA/MHz, source: "ds table 2"}
sleep: {current: 2 uA, source: "ds table 3"}
deep_sleep: {current: 0.5 uA, source: "ds table 4"}
wakeup: {time: 10 us, source: "ds table 5"}
)";

PowerProfile profile(const char* yaml = kPower) {
  auto p = parse_power_profile(YamlFields(YAML::Load(yaml), "chip.yaml", "power"));
  EXPECT_TRUE(p) << p.error().describe();
  return p.value();
}

TEST(PowerProfile, ReadsCurrentsAndScalesRunCurrentWithClock) {
  const PowerProfile p = profile();
  EXPECT_DOUBLE_EQ(p.current(PowerState::Run, 64'000'000), 50e-12 * 64e6);  // 3.2 mA
  EXPECT_DOUBLE_EQ(p.current(PowerState::Sleep, 64'000'000), 2e-6);
  EXPECT_DOUBLE_EQ(p.current(PowerState::DeepSleep, 1), 0.5e-6);
  EXPECT_EQ(p.sleep.source, "ds table 3");

  // A run current given at one clock becomes a per-Hz figure: 4 mA at 80 MHz.
  const PowerProfile at = profile(R"(
supply: {voltage: 3.3 V, source: s}
run: {current: 4 mA, at: 80 MHz, source: s}
sleep: {current: 1 uA, source: s}
deep_sleep: {current: 1 uA, source: s}
)");
  EXPECT_DOUBLE_EQ(at.current(PowerState::Run, 40'000'000), 2e-3);

  // WFI sleep with the system clock running scales with it too.
  const PowerProfile clocked = profile(R"(
supply: {voltage: 3.3 V, source: s}
run: {current: 100 uA/MHz, source: s}
sleep: {current: 30 uA/MHz, source: s}
deep_sleep: {current: 1 uA, source: s}
)");
  EXPECT_DOUBLE_EQ(clocked.current(PowerState::Sleep, 80'000'000), 2.4e-3);
  EXPECT_DOUBLE_EQ(clocked.current(PowerState::DeepSleep, 80'000'000), 1e-6);
}

TEST(PowerProfile, MissingSourceIsAnErrorWithItsLine) {
  auto p = parse_power_profile(YamlFields(YAML::Load("supply: {voltage: 3 V, source: s}\n"
                                                     "run: {current: 50 uA/MHz}\n"),
                                          "chip.yaml", "power"));
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().file, "chip.yaml");
  EXPECT_EQ(p.error().line, 2);
  EXPECT_EQ(p.error().field, "power.run.source");
}

TEST(PowerProfile, UnknownKeyIsNamed) {
  auto p = parse_power_profile(YamlFields(YAML::Load(std::string(kPower) + "standby: {current: 1 uA}\n"),
                                          "chip.yaml", "power"));
  ASSERT_FALSE(p);
  EXPECT_NE(p.error().message.find("unknown key 'standby'"), std::string::npos) << p.error().message;
}

constexpr const char* kTwoRegulators = R"(
regulator: dcdc
supply: {voltage: 3.0 V, source: "ds table 1"}
run: {current: 3.3 mA, at: 64 MHz, source: "ds cpu dcdc"}
sleep: {current: 2 uA, source: "ds sleep"}
deep_sleep: {current: 0.5 uA, source: "ds deep"}
radio: {tx_current: 6.4 mA, bitrate: 1 MHz, source: "ds radio dcdc"}
regulators:
  ldo:
    run: {current: 6.3 mA, at: 64 MHz, source: "ds cpu ldo"}
    radio: {tx_current: 14.2 mA, bitrate: 1 MHz, source: "ds radio ldo"}
)";

Result<PowerProfile> with_regulator(const std::string& mode) {
  return parse_power_profile(YamlFields(YAML::Load(kTwoRegulators), "chip.yaml", "power"), mode);
}

TEST(PowerProfile, RegulatorModeReplacesOnlyTheFiguresItGives) {
  auto dcdc = with_regulator("");  // the file's default
  ASSERT_TRUE(dcdc) << dcdc.error().describe();
  EXPECT_EQ(dcdc->regulator, "dcdc");
  EXPECT_EQ(dcdc->regulators, (std::vector<std::string>{"dcdc", "ldo"}));
  EXPECT_DOUBLE_EQ(dcdc->current(PowerState::Run, 64'000'000), 3.3e-3);
  auto ldo = with_regulator("ldo");
  ASSERT_TRUE(ldo) << ldo.error().describe();
  EXPECT_EQ(ldo->regulator, "ldo");
  EXPECT_DOUBLE_EQ(ldo->current(PowerState::Run, 64'000'000), 6.3e-3);
  EXPECT_DOUBLE_EQ(ldo->current(PowerState::Run, 32'000'000), 3.15e-3);  // scaled with the clock
  EXPECT_EQ(ldo->run.source, "ds cpu ldo");
  EXPECT_DOUBLE_EQ(ldo->radio_tx_current->value, 14.2e-3);
  EXPECT_DOUBLE_EQ(ldo->current(PowerState::Sleep, 64'000'000), 2e-6);  // not given for ldo: the default's
  EXPECT_EQ(ldo->sleep.source, "ds sleep");
  EXPECT_TRUE(with_regulator("dcdc"));
  // The energy meter says which mode the currents are.
  const EnergyReport r = measure_energy(ldo.value(), 64'000'000, {{0, PowerState::Run}}, 64'000, {});
  EXPECT_EQ(r.regulator, "ldo");
  EXPECT_NEAR(r.energy, 3.0 * 6.3e-3 * 1e-3, 1e-15);  // 1 ms at 6.3 mA, 3 V
  ASSERT_GE(r.assumptions.size(), 2u);
  EXPECT_EQ(r.assumptions[1],
            "regulator ldo: the currents are this mode's (modes in the device file: dcdc, ldo)");
}

TEST(PowerProfile, UnknownRegulatorModeListsTheModes) {
  auto buck = with_regulator("buck");
  ASSERT_FALSE(buck);
  EXPECT_EQ(buck.error().describe(),
            "chip.yaml: power.regulator: no regulator mode 'buck' in the device's power: section; its modes: dcdc, ldo");
  auto single = parse_power_profile(YamlFields(YAML::Load(kPower), "chip.yaml", "power"), "ldo");
  ASSERT_FALSE(single);
  EXPECT_NE(single.error().message.find("it gives figures for one mode only"), std::string::npos)
      << single.error().message;
}

TEST(PowerProfile, BadRegulatorSectionsSayWhereAndWhat) {
  auto unnamed = parse_power_profile(
      YamlFields(YAML::Load(std::string(kPower) + "regulators:\n  ldo: {run: {current: 1 mA, source: s}}\n"),
                 "chip.yaml", "power"));
  ASSERT_FALSE(unnamed);
  EXPECT_EQ(unnamed.error().line, 8);  // the map under regulators:
  EXPECT_EQ(unnamed.error().field, "power.regulators");
  EXPECT_NE(unnamed.error().message.find("regulator:"), std::string::npos) << unnamed.error().message;
  std::string text = kTwoRegulators;
  text.replace(text.find("    radio: {tx_current: 14.2"), 0, "    standby: {current: 1 uA, source: s}\n");
  auto unknown = parse_power_profile(YamlFields(YAML::Load(text), "chip.yaml", "power"), "ldo");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("unknown key 'standby'"), std::string::npos) << unknown.error().message;
  EXPECT_EQ(unknown.error().line, 11);
}

TEST(EnergyMeter, SumsVoltageTimesCurrentTimesTimeByState) {
  // 1 MHz clock: run 0..1000, sleep 1000..5000, run 5000..6000 cycles.
  const PowerProfile p = profile();
  const std::vector<PowerChange> timeline{{0, PowerState::Run}, {1000, PowerState::Sleep}, {5000, PowerState::Run}};
  const ExternalLoad sensor{"sensor: accelerometer", 10e-6, 6e-3, "sensor ds"};
  const EnergyReport r = measure_energy(p, 1'000'000, timeline, 6000, {sensor});
  // run 2 ms at 50 uA, sleep 4 ms at 2 uA, one wake-up of 10 us at 50 uA, sensor 6 ms at 10 uA; 3 V.
  EXPECT_DOUBLE_EQ(r.seconds, 6e-3);
  EXPECT_DOUBLE_EQ(r.states[0].seconds, 2e-3);
  EXPECT_DOUBLE_EQ(r.states[1].seconds, 4e-3);
  EXPECT_EQ(r.wakeups, 1u);
  const double expected = 3.0 * (50e-6 * 2e-3 + 2e-6 * 4e-3 + 50e-6 * 10e-6 + 10e-6 * 6e-3);
  EXPECT_NEAR(r.energy, expected, 1e-18);
  EXPECT_NEAR(r.average_current, expected / 3.0 / 6e-3, 1e-15);
  EXPECT_DOUBLE_EQ(r.peak_current, 50e-6 + 10e-6);
  ASSERT_EQ(r.components.size(), 5u);  // run, sleep, deep sleep, wake-ups, sensor
  EXPECT_EQ(r.components[4].component, "sensor: accelerometer");
  EXPECT_FALSE(r.assumptions.empty());
}

TEST(EnergyMeter, ComputeEnergyOfOneInference) {
  // 1.2 M cycles at 120 MHz = 10 ms at 50 uA/MHz * 120 MHz = 6 mA, 3 V: 180 uJ.
  EXPECT_NEAR(compute_energy(profile(), 120'000'000, 1'200'000), 180e-6, 1e-15);
}

}  // namespace
}  // namespace tinysim

#include "device/device_catalog.h"
#include "energy/device_power.h"

namespace tinysim {
namespace {

TEST(DevicePower, EveryShippedDeviceHasASourcedPowerProfile) {
  auto devices = list_devices(TINYSIM_SOURCE_DIR "/devices");
  ASSERT_TRUE(devices) << devices.error().describe();
  ASSERT_GE(devices->size(), 8u);
  for (const Device& d : devices.value()) {
    auto p = device_power(d);
    if (d.total(MemoryKind::Flash) == 0) {
      // Arm's reference platforms (no flash, docs/boards.md): energy is not meaningful, so none.
      ASSERT_FALSE(p) << d.name;
      EXPECT_NE(p.error().message.find("has no power: section"), std::string::npos) << p.error().describe();
      continue;
    }
    ASSERT_TRUE(p) << p.error().describe();
    EXPECT_GT(p->supply_voltage.value, 1.0) << d.name;
    EXPECT_GT(p->current(PowerState::Run, d.clock_hz), p->current(PowerState::DeepSleep, d.clock_hz)) << d.name;
    EXPECT_GE(p->current(PowerState::Sleep, d.clock_hz), p->current(PowerState::DeepSleep, d.clock_hz)) << d.name;
    EXPECT_FALSE(p->run.source.empty()) << d.name;
  }
}

TEST(DevicePower, Nrf52840RadioAndRunCurrent) {
  auto d = find_device("nrf52840", TINYSIM_SOURCE_DIR "/devices");
  ASSERT_TRUE(d);
  auto p = device_power(d.value());
  ASSERT_TRUE(p) << p.error().describe();
  EXPECT_NEAR(p->current(PowerState::Run, 64'000'000), 3.3e-3, 1e-12);  // 3.3 mA at 64 MHz
  ASSERT_TRUE(p->radio_tx_current);
  EXPECT_DOUBLE_EQ(p->radio_tx_current->value, 6.40e-3);
}

TEST(DevicePower, Rp2040SleepAndDormantFromDatasheet) {
  auto d = find_device("rp2040", TINYSIM_SOURCE_DIR "/devices");
  ASSERT_TRUE(d);
  auto p = device_power(d.value());
  ASSERT_TRUE(p) << p.error().describe();
  // RP2040 Datasheet Table 637, typical DVDD: Sleep 0.39 mA, Dormant 0.18 mA, whatever the clock.
  EXPECT_NEAR(p->current(PowerState::Sleep, 125'000'000), 0.39e-3, 1e-12);
  EXPECT_NEAR(p->current(PowerState::DeepSleep, 125'000'000), 0.18e-3, 1e-12);
  EXPECT_EQ(p->sleep.source.find("ESTIMATE"), std::string::npos);
  EXPECT_NE(p->run.source.find("ESTIMATE"), std::string::npos);  // no run figure in the datasheet
}

}  // namespace
}  // namespace tinysim
