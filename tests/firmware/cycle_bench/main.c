// Runs each micro-benchmark kernel (kernels.S) once and prints "name cycles" per
// line, the DWT CYCCNT difference the firmware itself read.
#include <stdint.h>

#include "../test_support.h"

uint32_t bench_empty(void);
uint32_t bench_alu(void);
uint32_t bench_loads(void);
uint32_t bench_stores(void);
uint32_t bench_load_store(void);
uint32_t bench_loop(void);
uint32_t bench_mul(void);
uint32_t bench_call(void);
uint32_t bench_address_interlock(void);
uint32_t bench_mla(void);
uint32_t bench_udiv_small(void);
uint32_t bench_udiv_large(void);
uint32_t bench_smlad(void);

static void report(const char* name, uint32_t (*kernel)(void)) {
  const uint32_t cycles = kernel();
  print(name);
  print(" ");
  print_uint(cycles);
  print("\n");
}

int main(void) {
  SCB_DEMCR |= 1u << 24;  // TRCENA
  DWT_CTRL |= 1u;         // CYCCNTENA
  report("empty", bench_empty);
  report("alu", bench_alu);
  report("loads", bench_loads);
  report("stores", bench_stores);
  report("load_store", bench_load_store);
  report("loop", bench_loop);
  report("mul", bench_mul);
  report("call", bench_call);
#if __ARM_ARCH >= 7
  report("address_interlock", bench_address_interlock);
  report("mla", bench_mla);
  report("udiv_small", bench_udiv_small);
  report("udiv_large", bench_udiv_large);
#endif
#if defined(__ARM_FEATURE_DSP)
  report("smlad", bench_smlad);
#endif
  return 0;
}
