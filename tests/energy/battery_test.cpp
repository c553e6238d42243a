// Batteries from devices/batteries and the life estimate, worked out by hand.
#include <gtest/gtest.h>

#include <map>

#include "energy/battery.h"
#include "support/scratch.h"

namespace tinysim {
namespace {

const std::string kDir = TINYSIM_SOURCE_DIR "/devices/batteries";

/// A battery file in the test's temporary directory; returns its path.
std::string write_file(const std::string& name, const std::string& text) {
  const std::string path = test::scratch_path(name);
  FILE* f = std::fopen(path.c_str(), "w");
  std::fputs(text.c_str(), f);
  std::fclose(f);
  return path;
}

TEST(Battery, EveryShippedBatteryLoads) {
  auto all = list_batteries(kDir);
  ASSERT_TRUE(all) << all.error().describe();
  std::vector<std::string> names;
  for (const Battery& b : all.value()) {
    names.push_back(b.name);
    EXPECT_FALSE(b.source.empty()) << b.name;
  }
  EXPECT_EQ(names, (std::vector<std::string>{"2xaa-alkaline", "aa-lithium", "cr2032", "cr2450", "lipo-1000mah",
                                             "lipo-100mah"}));
}

TEST(Battery, UnknownNameListsTheKnownOnes) {
  auto b = find_battery("cr2025", kDir);
  ASSERT_FALSE(b);
  EXPECT_NE(b.error().message.find("known: 2xaa-alkaline, aa-lithium, cr2032"), std::string::npos)
      << b.error().message;
}

TEST(Battery, Cr2032LifeAtTenMicroampsWithFiveMilliampPulses) {
  auto b = find_battery("cr2032", kDir);
  ASSERT_TRUE(b) << b.error().describe();
  const BatteryLife life = estimate_battery_life(b.value(), 10e-6, 5e-3);
  // Derating between (0.19 mA, 1.0) and (15 mA, 0.80): 1 - 0.2 * (5 - 0.19) / (15 - 0.19).
  const double derating = 1.0 - 0.2 * (5.0 - 0.19) / (15.0 - 0.19);
  EXPECT_NEAR(life.derating, derating, 1e-12);
  const double capacity = 235 * 3.6;  // C
  const double self = capacity * 0.01 / (24 * 365.25 * 3600);  // 1%/year as a current
  EXPECT_NEAR(life.self_discharge_current, self, 1e-15);
  EXPECT_NEAR(life.hours, capacity * derating / (10e-6 + self) / 3600, 1e-6);
  EXPECT_NEAR(life.days(), 891.66, 0.01);  // 219.7 mAh usable / 10.27 uA = 21400 h, about 2.4 years
  // 2.4 years is well inside the CR2032's 10-year shelf life: the charge is the limit.
  EXPECT_DOUBLE_EQ(life.charge_hours, life.hours);
  EXPECT_DOUBLE_EQ(life.shelf_life_hours, 10 * 24 * 365.25);
  EXPECT_FALSE(life.limited_by_shelf_life());
  EXPECT_EQ(life.limit(), "limited by charge");
  ASSERT_EQ(life.state_of_charge.size(), 51u);
  EXPECT_DOUBLE_EQ(life.state_of_charge.front().percent, 100.0);
  EXPECT_DOUBLE_EQ(life.state_of_charge.back().percent, 0.0);
  EXPECT_NEAR(life.state_of_charge.back().days, life.days(), 1e-9);
}

TEST(Battery, ShelfLifeCapsTwoAlkalineCellsAtTenMicroamps) {
  auto b = find_battery("2xaa-alkaline", kDir);
  ASSERT_TRUE(b) << b.error().describe();
  const BatteryLife life = estimate_battery_life(b.value(), 10e-6, 5e-3);
  EXPECT_DOUBLE_EQ(life.derating, 1.0);  // no pulse derating for alkaline cells in the file
  const double capacity = 2850 * 3.6;  // C
  const double self = capacity * 0.02 / (24 * 365.25 * 3600);  // 2%/year: 6.50 uA
  const double charge_hours = capacity / (10e-6 + self) / 3600;  // 172 700 h, 19.7 years
  EXPECT_NEAR(life.charge_hours, charge_hours, 1e-6);
  EXPECT_NEAR(life.charge_hours / (24 * 365.25), 19.70, 0.01);
  // Energizer E91: 10-year shelf life, shorter than the charge lasts.
  EXPECT_DOUBLE_EQ(life.hours, 10 * 24 * 365.25);
  EXPECT_DOUBLE_EQ(life.years(), 10.0);
  EXPECT_TRUE(life.limited_by_shelf_life());
  EXPECT_EQ(life.limit(), "limited by shelf life 10 years");
  EXPECT_NE(life.assumptions.back().find("life is the shorter of the two, limited by shelf life 10 years"),
            std::string::npos)
      << life.assumptions.back();
  // The charge curve falls at the same drain and ends with what is left at 10 years: 49.2%.
  ASSERT_EQ(life.state_of_charge.size(), 51u);
  EXPECT_DOUBLE_EQ(life.state_of_charge.front().percent, 100.0);
  EXPECT_NEAR(life.state_of_charge.back().days, 10 * 365.25, 1e-9);
  EXPECT_NEAR(life.state_of_charge.back().percent, 100.0 * (1 - 10 * 24 * 365.25 / charge_hours), 1e-9);
  EXPECT_NEAR(life.state_of_charge.back().percent, 49.24, 0.01);
  EXPECT_NEAR(life.state_of_charge[25].percent, 100.0 * (1 - 5 * 24 * 365.25 / charge_hours), 1e-9);
}

TEST(Battery, EveryShippedBatteryHasItsShelfLife) {
  auto all = list_batteries(kDir);
  ASSERT_TRUE(all) << all.error().describe();
  std::map<std::string, double> years;
  for (const Battery& b : all.value()) years[b.name] = b.shelf_life / (365.25 * 86400);
  EXPECT_EQ(years, (std::map<std::string, double>{{"2xaa-alkaline", 10}, {"aa-lithium", 20}, {"cr2032", 10},
                                                  {"cr2450", 10}, {"lipo-1000mah", 3}, {"lipo-100mah", 3}}));
}

/// The error loading a battery file with `text` (every field but the ones a test breaks).
Error load_error(const std::string& text) {
  const std::string path = write_file("bad_battery.yaml", "name: odd\nnominal_voltage: 3 V\ncutoff_voltage: 2 V\n" + text);
  auto b = load_battery_file(path);
  EXPECT_FALSE(b);
  if (b) return Error{};
  EXPECT_EQ(b.error().file, path);
  return b.error();
}

TEST(Battery, MissingShelfLifeIsNamed) {
  const Error e = load_error("capacity: 100 mAh\nself_discharge: 1 %/year\nsource: s\n");
  EXPECT_EQ(e.field, "shelf_life");
  EXPECT_NE(e.message.find("missing"), std::string::npos) << e.message;
}

TEST(Battery, BadFileSaysWhereAndWhat) {
  const Error e = load_error("capacity: 100 mV\nself_discharge: 1 %/year\nshelf_life: 10 years\nsource: s\n");
  EXPECT_EQ(e.line, 4);
  EXPECT_EQ(e.field, "capacity");
  EXPECT_NE(e.message.find("mAh"), std::string::npos) << e.message;
}

}  // namespace
}  // namespace tinysim
