// Exception entry and return: SVC, PendSV set from thread mode, an external IRQ
// pended through the NVIC; registers and flags survive each handler.
#include "../test_support.h"

static volatile uint32_t order;  // last three handlers, one digit each

void SVC_Handler(void) { order = order * 10u + 1u; }
void PendSV_Handler(void) { order = order * 10u + 2u; }
void Sensor_IRQHandler(void) { order = order * 10u + 3u; }

__attribute__((noinline)) static uint32_t sum_with_interrupt(uint32_t a, uint32_t b) {
  const uint32_t before = a * 3u + b;
  NVIC_ISPR0 = 1u;  // pend IRQ 0 while values are live in registers
  __asm__ volatile("dsb\n\tisb" ::: "memory");
  return before + a * 3u + b;
}

int main(void) {
  __asm__ volatile("svc #0" ::: "memory");
  SCB_ICSR = 1u << 28;  // PENDSVSET
  __asm__ volatile("dsb\n\tisb" ::: "memory");
  NVIC_ISER0 = 1u;  // enable IRQ 0 (the sensor interrupt)
  const uint32_t sum = sum_with_interrupt(5u, 7u);
  print("order ");
  print_uint(order);
  print(" sum ");
  print_uint(sum);
  print("\n");
  return order == 123u && sum == 44u ? 0 : 1;
}
