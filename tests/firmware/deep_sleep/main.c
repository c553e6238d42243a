// One long deep sleep (SCR.SLEEPDEEP + WFI) until a SysTick 2^24 cycles away,
// then one light sleep of 5000 cycles: the run must skip both in one step.
#include "../test_support.h"

static volatile uint32_t wakeups;

void SysTick_Handler(void) { wakeups = wakeups + 1u; }

int main(void) {
  SCB_SCR = 1u << 2;  // SLEEPDEEP
  SYST_RVR = 0x00FFFFFFu;
  SYST_CVR = 0u;
  SYST_CSR = 0x7u;
  while (wakeups < 1u) __asm__ volatile("wfi");
  SYST_CSR = 0u;
  SCB_SCR = 0u;
  SYST_RVR = 4999u;
  SYST_CVR = 0u;
  SYST_CSR = 0x7u;
  while (wakeups < 2u) __asm__ volatile("wfe");
  SYST_CSR = 0u;
  return (int)wakeups;
}
