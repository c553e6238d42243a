// Times the integer workload (workload.c) with DWT CYCCNT: one warm-up iteration,
// then ITERATIONS timed ones, and prints
// "int_workload iterations <n> cycles <c> checksum 0x<crc>" for bench_int_workload.
#include <stdint.h>

#include "../test_support.h"
#include "workload.h"

#define ITERATIONS 50u

int main(void) {
  SCB_DEMCR |= 1u << 24;  // TRCENA
  DWT_CTRL |= 1u;         // CYCCNTENA
  const uint16_t warm = workload_iteration(WORKLOAD_SEED);
  const uint32_t start = DWT_CYCCNT;
  const uint16_t checksum = workload_run(warm, ITERATIONS);
  const uint32_t cycles = DWT_CYCCNT - start;
  print("int_workload iterations ");
  print_uint(ITERATIONS);
  print(" cycles ");
  print_uint(cycles);
  print(" checksum ");
  print_hex(checksum);
  print("\n");
  return 0;
}
