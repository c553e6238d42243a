// A scenario firmware that sleeps until the first window, then reads unmapped memory:
// the scenario run must report the fault with where it happened.
#include "../test_support.h"

__attribute__((noinline)) uint32_t read_nowhere(void) { return *(volatile uint32_t*)0x60000000u; }

int main(void) {
  __asm__ volatile("cpsid i");
  NVIC_ISER0 = 1u << TS_SENSOR_IRQ;
  TS_REG(TS_SENSOR_BASE, TS_SENSOR_WINDOW) = 8u;
  TS_REG(TS_SENSOR_BASE, TS_SENSOR_CTRL) = TS_SENSOR_CTRL_ENABLE | TS_SENSOR_CTRL_IRQ;
  while (!(TS_REG(TS_SENSOR_BASE, TS_SENSOR_STATUS) & TS_SENSOR_STATUS_READY)) __asm__ volatile("dsb\n\twfi");
  return (int)read_nowhere();
}
