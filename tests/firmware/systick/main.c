// SysTick every 1000 cycles; main sleeps with WFI until ten ticks have fired.
#include "../test_support.h"

static volatile uint32_t ticks;

void SysTick_Handler(void) { ticks = ticks + 1u; }

int main(void) {
  SYST_RVR = 999u;
  SYST_CVR = 0u;
  SYST_CSR = 0x7u;  // enable, interrupt, core clock
  while (ticks < 10u) __asm__ volatile("wfi");
  SYST_CSR = 0u;
  print("ticks ");
  print_uint(ticks);
  print("\n");
  return (int)ticks;
}
