// SCB and DWT as firmware reads them at boot: CPUID, VTOR, and DWT CYCCNT moving
// exactly as the simulated cycle count SYS_ELAPSED reports at the same moments.
#include "../test_support.h"

static uint32_t cyccnt_and_elapsed(uint32_t* elapsed) {
  // Both reads in one basic block, so both see the same modelled cycle count.
  register uint32_t r0 __asm__("r0") = SEMIHOST_SYS_ELAPSED;
  register uint32_t* r1 __asm__("r1") = elapsed;
  register uint32_t r2 __asm__("r2") = 0xE0001004u;
  register uint32_t r3 __asm__("r3");
  __asm__ volatile("ldr %[cyc], [%[dwt]]\n\tbkpt 0xab"
                   : "+r"(r0), [cyc] "=&r"(r3)
                   : "r"(r1), [dwt] "r"(r2)
                   : "memory");
  return r3;
}

int main(void) {
  print("cpuid ");
  print_hex(SCB_CPUID);
  print(" vtor ");
  print_hex(SCB_VTOR);
  print("\n");
  SCB_DEMCR = 1u << 24;  // TRCENA
  DWT_CYCCNT = 0u;
  DWT_CTRL = 1u;         // CYCCNTENA
  uint32_t start = DWT_CYCCNT;
  for (volatile int i = 0; i < 100; ++i) {
  }
  uint32_t spent = DWT_CYCCNT - start;
  uint32_t elapsed1[2] = {0, 0}, elapsed2[2] = {0, 0};
  const uint32_t cyccnt1 = cyccnt_and_elapsed(elapsed1);
  print("loop ");
  print_uint(spent);
  const uint32_t cyccnt2 = cyccnt_and_elapsed(elapsed2);
  print(" cyccnt ");
  print_uint(cyccnt2 - cyccnt1);
  print(" elapsed ");
  print_uint(elapsed2[0] - elapsed1[0]);
  print("\n");
  DWT_CTRL = 0u;
  const uint32_t frozen = DWT_CYCCNT;
  for (volatile int i = 0; i < 10; ++i) {
  }
  return (spent >= 100u && frozen == DWT_CYCCNT) ? 0 : 1;
}
