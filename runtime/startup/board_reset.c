// Reset handler for Arm's reference boards (runtime/startup/boards/*.ld): the stack
// is already at the top of the board's data RAM (the vector table's initial SP), so
// unlike reset.S it reads no TinySim register and runs the same under QEMU. A
// hard-float build turns the FPU on first, as the chip (and QEMU) start with it off.
#include <stdint.h>

void Reset_Handler(void);
void tinysim_start(void);

void Reset_Handler(void) {
#if defined(__ARM_FP)
  volatile uint32_t* const cpacr = (volatile uint32_t*)0xE000ED88u;  // Armv7-M/v8-M ARM, B3.2.20
  *cpacr |= 0xFu << 20;  // CP10 and CP11: full access
  __asm__ volatile("dsb\n\tisb" ::: "memory");
#endif
  tinysim_start();
}
