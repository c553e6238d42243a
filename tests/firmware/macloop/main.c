// int8 multiply-accumulate loops, the inner loop of every TinyML kernel: the
// workload bench/ times the emulator on. Exits with a checksum of the sums.
#include <stdint.h>

#include "../test_support.h"

#define LENGTH 256
#define ROUNDS 40000

static int8_t weights[LENGTH];
static int8_t inputs[LENGTH];

__attribute__((noinline)) int32_t dot_s8(const int8_t* a, const int8_t* b, int n) {
  int32_t sum = 0;
  for (int i = 0; i < n; ++i) sum += (int32_t)a[i] * b[i];
  return sum;
}

/// The timed work: called directly by the bare-Unicorn benchmark too.
__attribute__((noinline)) uint32_t mac_bench(void) {
  uint32_t check = 0;
  for (int round = 0; round < ROUNDS; ++round) {
    inputs[round % LENGTH] = (int8_t)round;
    check = check * 31u + (uint32_t)dot_s8(weights, inputs, LENGTH);
  }
  return check;
}

int main(void) {
  for (int i = 0; i < LENGTH; ++i) {
    weights[i] = (int8_t)(i * 7 - 100);
    inputs[i] = (int8_t)(50 - i);
  }
  const uint32_t check = mac_bench();
  print("macloop ");
  print_hex(check);
  print("\n");
  return (int)(check & 0x7Fu);
}
