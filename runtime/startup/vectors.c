// Cortex-M vector table: the 16 architectural entries and 32 external interrupts,
// every handler weak so a firmware overrides only what it uses.
#include <stdint.h>

extern uint32_t __initial_sp;
void Reset_Handler(void);

static void default_handler(void) {
  for (;;) {
  }
}

#define WEAK_HANDLER(name) void name(void) __attribute__((weak, alias("default_handler")))
WEAK_HANDLER(NMI_Handler);
WEAK_HANDLER(HardFault_Handler);
WEAK_HANDLER(MemManage_Handler);
WEAK_HANDLER(BusFault_Handler);
WEAK_HANDLER(UsageFault_Handler);
WEAK_HANDLER(SVC_Handler);
WEAK_HANDLER(DebugMon_Handler);
WEAK_HANDLER(PendSV_Handler);
WEAK_HANDLER(SysTick_Handler);
WEAK_HANDLER(Sensor_IRQHandler);  // TinySim sensor window ready, IRQ 0
WEAK_HANDLER(Timer_IRQHandler);   // TinySim power controller wake-up timer, IRQ 1

typedef void (*vector_entry)(void);

__attribute__((section(".vectors"), used)) const vector_entry tinysim_vectors[16 + 32] = {
    (vector_entry)&__initial_sp,
    Reset_Handler,
    NMI_Handler,
    HardFault_Handler,
    MemManage_Handler,
    BusFault_Handler,
    UsageFault_Handler,
    0,
    0,
    0,
    0,
    SVC_Handler,
    DebugMon_Handler,
    0,
    PendSV_Handler,
    SysTick_Handler,
    Sensor_IRQHandler,
    Timer_IRQHandler,
};
