// Runs each flash data-read kernel (kernels.S) once and prints "name cycles result"
// per line: the DWT CYCCNT difference the firmware read and what the body summed or
// loaded into r4 (so the data really came from the table).
#include <stdint.h>

#include "../test_support.h"

uint32_t data_empty(void);
uint32_t data_flash_sum(void);
uint32_t data_sram_sum(void);
uint32_t data_alias_sum(void);
uint32_t data_flash_twice(void);
uint32_t data_flash_ldm(void);
uint32_t data_flash_ldrd(void);
uint32_t data_flash_vldm(void);
extern volatile uint32_t data_result;
extern char __flash_origin;  // the link layout (--defsym)

static void report(const char* name, uint32_t (*kernel)(void)) {
  const uint32_t cycles = kernel();
  print(name);
  print(" ");
  print_uint(cycles);
  print(" ");
  print_uint(data_result);
  print("\n");
}

int main(void) {
  SCB_DEMCR |= 1u << 24;  // TRCENA
  DWT_CTRL |= 1u;         // CYCCNTENA
  report("empty", data_empty);
  report("flash_sum", data_flash_sum);
  report("sram_sum", data_sram_sum);
  // Flash at 0x0800 0000 and the core booted from 0: the STM32L4's flash boot alias.
  if ((uint32_t)&__flash_origin == 0x08000000u && SCB_VTOR == 0u) report("alias_sum", data_alias_sum);
  report("flash_twice", data_flash_twice);
  report("flash_ldm", data_flash_ldm);
#if __ARM_ARCH >= 7
  report("flash_ldrd", data_flash_ldrd);
#endif
#if defined(__ARM_FP)
  report("flash_vldm", data_flash_vldm);
#endif
  return 0;
}
