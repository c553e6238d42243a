// Batteries from devices/batteries and the life estimate, worked out by hand.
#include <gtest/gtest.h>

#include "energy/battery.h"

namespace tinysim {
namespace {

const std::string kDir = TINYSIM_SOURCE_DIR "/devices/batteries";

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
  ASSERT_EQ(life.state_of_charge.size(), 51u);
  EXPECT_DOUBLE_EQ(life.state_of_charge.front().percent, 100.0);
  EXPECT_DOUBLE_EQ(life.state_of_charge.back().percent, 0.0);
  EXPECT_NEAR(life.state_of_charge.back().days, life.days(), 1e-9);
}

TEST(Battery, BadFileSaysWhereAndWhat) {
  const std::string path = testing::TempDir() + "/bad_battery.yaml";
  FILE* f = std::fopen(path.c_str(), "w");
  std::fputs("name: odd\ncapacity: 100 mV\nnominal_voltage: 3 V\ncutoff_voltage: 2 V\n"
             "self_discharge: 1 %/year\nsource: s\n", f);
  std::fclose(f);
  auto b = load_battery_file(path);
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().line, 2);
  EXPECT_EQ(b.error().field, "capacity");
  EXPECT_NE(b.error().message.find("mAh"), std::string::npos) << b.error().message;
}

}  // namespace
}  // namespace tinysim
