// SysTick and NVIC state computed from the simulated cycle count.
#include <gtest/gtest.h>

#include "machine/nvic.h"
#include "machine/sys_tick.h"

namespace tinysim {
namespace {

TEST(SysTick, WrapsEveryReloadPlusOneCycles) {
  SysTick tick;
  tick.write(SysTick::kRvr, 999, 0);
  tick.write(SysTick::kCvr, 0, 0);
  tick.write(SysTick::kCsr, 0x7, 100);  // enable, interrupt, core clock
  EXPECT_EQ(tick.next_event_cycle(), 1100u);
  EXPECT_EQ(tick.read(SysTick::kCvr, 600), 500u);
  EXPECT_EQ(tick.advance_to(1099), 0u);
  EXPECT_EQ(tick.advance_to(1100), 1u);
  EXPECT_EQ(tick.next_event_cycle(), 2100u);
  EXPECT_EQ(tick.read(SysTick::kCsr, 1100) >> 16, 1u);  // COUNTFLAG, cleared by the read
  EXPECT_EQ(tick.read(SysTick::kCsr, 1101) >> 16, 0u);
  EXPECT_EQ(tick.advance_to(10100), 9u);  // a long sleep: nine more wraps at once
}

TEST(SysTick, NoEventWithoutTickInt) {
  SysTick tick;
  tick.write(SysTick::kRvr, 99, 0);
  tick.write(SysTick::kCsr, 0x5, 0);
  EXPECT_EQ(tick.next_event_cycle(), UINT64_MAX);
  EXPECT_EQ(tick.advance_to(1000), 0u);
  EXPECT_EQ(tick.read(SysTick::kCsr, 1000) >> 16, 1u);
}

TEST(Nvic, TakesHighestPriorityEnabledPending) {
  Nvic nvic(4);
  nvic.set_pending(kFirstIrq + 3, true);
  EXPECT_EQ(nvic.next_to_take(false), 0u);  // not enabled
  nvic.set_enabled_irq(3, true);
  nvic.set_priority(kFirstIrq + 3, 0x40);
  nvic.set_pending(kSysTick, true);
  nvic.set_priority(kSysTick, 0x80);
  EXPECT_EQ(nvic.next_to_take(false), kFirstIrq + 3);
  EXPECT_EQ(nvic.next_to_take(true), 0u);  // PRIMASK
  nvic.activate(kFirstIrq + 3);
  EXPECT_EQ(nvic.next_to_take(false), 0u);  // SysTick (0x80) cannot preempt 0x40
  nvic.deactivate(kFirstIrq + 3);
  EXPECT_EQ(nvic.next_to_take(false), kSysTick);
  Nvic m0(2);
  m0.set_priority(kSysTick, 0xFF);
  EXPECT_EQ(m0.priority_byte(kSysTick), 0xC0u);
}

}  // namespace
}  // namespace tinysim
