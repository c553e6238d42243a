#include "peripherals/power_controller.h"

#include <gtest/gtest.h>

#include "fake_bus.h"
#include "hal/tinysim_regs.h"

namespace tinysim {
namespace {

TEST(PowerController, WakeReasonsLatchUntilRead) {
  test::FakeBus bus(0x20000000, 64, 1000000);
  MisuseLog log;
  PowerController power(log);
  power.attach(bus);
  EXPECT_EQ(power.read(TS_POWER_STATE, 4), TS_POWER_RUN);
  EXPECT_EQ(power.read(TS_POWER_WAKE_REASON, 4), 0u);
  power.latch_wake(TS_WAKE_SENSOR);
  power.latch_wake(TS_WAKE_SYSTICK);
  EXPECT_EQ(power.read(TS_POWER_WAKE_REASON, 4), TS_WAKE_SENSOR | TS_WAKE_SYSTICK);
  EXPECT_EQ(power.read(TS_POWER_WAKE_REASON, 4), 0u);
}

TEST(PowerController, TimerExpiresAtTheExactCycle) {
  test::FakeBus bus(0x20000000, 64, 80000000);
  MisuseLog log;
  PowerController power(log);
  power.attach(bus);
  EXPECT_EQ(power.next_event_cycle(), kNever);
  bus.cycle = 1000;
  power.write(TS_POWER_TIMER_US, 4, 1500);  // 1.5 ms at 80 MHz = 120000 cycles
  EXPECT_EQ(power.next_event_cycle(), 121000u);
  EXPECT_EQ(power.read(TS_POWER_TIMER_US, 4), 1500u);
  bus.cycle = 120999;
  power.advance_to(120999);
  EXPECT_EQ(power.pending_wake(), 0u);
  EXPECT_TRUE(bus.irqs.empty());
  bus.cycle = 121000;
  power.advance_to(121000);
  EXPECT_EQ(power.pending_wake(), TS_WAKE_TIMER);
  EXPECT_EQ(bus.irqs, (std::vector<std::pair<uint64_t, unsigned>>{{121000, TS_POWER_TIMER_IRQ}}));
  power.advance_to(200000);  // one-shot
  EXPECT_EQ(bus.irqs.size(), 1u);
  EXPECT_EQ(power.next_event_cycle(), kNever);
  bus.cycle = 121000;
  EXPECT_EQ(power.read(TS_POWER_TIMER_US, 4), 0u);
  EXPECT_EQ(power.read(TS_POWER_WAKE_REASON, 4), TS_WAKE_TIMER);
}

TEST(PowerController, TimerRoundsUpAndZeroDisarms) {
  test::FakeBus bus(0x20000000, 64, 32768);
  MisuseLog log;
  PowerController power(log);
  power.attach(bus);
  power.write(TS_POWER_TIMER_US, 4, 100);  // 3.2768 cycles -> 4
  EXPECT_EQ(power.next_event_cycle(), 4u);
  power.write(TS_POWER_TIMER_US, 4, 1);  // 0.03 cycles -> 1
  EXPECT_EQ(power.next_event_cycle(), 1u);
  power.write(TS_POWER_TIMER_US, 4, 4000000000u);  // 4000 s: no overflow
  EXPECT_EQ(power.next_event_cycle(), 4000ull * 32768);
  power.write(TS_POWER_TIMER_US, 4, 0);
  EXPECT_EQ(power.next_event_cycle(), kNever);
}

TEST(PowerController, ReadingATimerThatExpiredMidBlockSeesIt) {
  test::FakeBus bus(0x20000000, 64, 1000000);
  MisuseLog log;
  PowerController power(log);
  power.attach(bus);
  power.write(TS_POWER_TIMER_US, 4, 10);
  bus.cycle = 15;  // the machine has not called advance_to yet
  EXPECT_EQ(power.read(TS_POWER_WAKE_REASON, 4), TS_WAKE_TIMER);
  power.write(TS_POWER_WAKE_REASON, 4, 0);
  ASSERT_EQ(log.entries().size(), 1u);
  EXPECT_EQ(log.entries()[0].message, "write of 0x00000000 to read-only register 0x4f000204");
}

}  // namespace
}  // namespace tinysim
