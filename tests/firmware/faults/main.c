// One firmware per fault class: the test writes `fault_mode` in flash before the
// run, and the firmware commits that fault in a function named after it.
#include "../test_support.h"

// Plain const so it stays in .rodata (flash); read through a volatile pointer so the
// compiler does not fold the value the test writes before the run.
__attribute__((used)) const uint32_t fault_mode = 0;
#define FAULT_MODE (*(const volatile uint32_t*)&fault_mode)

__attribute__((noinline)) void write_past_ram(void) {
  volatile uint32_t* base = (volatile uint32_t*)TS_REG(TS_SYSINFO_BASE, TS_SYSINFO_RAM_BASE);
  const uint32_t size = TS_REG(TS_SYSINFO_BASE, TS_SYSINFO_RAM_SIZE);
  base[size / 4u] = 0x1234u;  // first word after the main SRAM
}

__attribute__((noinline)) uint32_t read_nowhere(void) { return *(volatile uint32_t*)0x60000000u; }

__attribute__((noinline)) void write_flash(void) { *(volatile uint32_t*)&fault_mode = 7u; }

__attribute__((noinline)) void call_null(void) {
  void (*volatile fn)(void) = 0;
  fn();
}

__attribute__((noinline)) void dsp_instruction(void) {
  // SMLAD r0, r1, r2, r3: DSP extension, undefined on Armv6-M (Cortex-M0+).
  __asm__ volatile(".short 0xfb21, 0x3002" ::: "r0");
}

__attribute__((noinline)) void permanently_undefined(void) { __asm__ volatile("udf #7"); }

__attribute__((noinline)) void spin_forever(void) {
  for (;;) __asm__ volatile("");
}

__attribute__((noinline)) uint32_t recurse(uint32_t depth) {
  volatile uint32_t frame[64];
  frame[0] = depth;  // the frame's lowest word first: the overflowing store lands next to SP
  frame[depth % 64u] += 1u;
  return recurse(depth + 1u) + frame[0];
}

__attribute__((noinline)) void sleep_forever(void) { __asm__ volatile("wfi"); }

__attribute__((noinline)) uint32_t unaligned_read(void) {
  static volatile uint32_t words[2] = {0x11223344u, 0x55667788u};
  // Through a volatile so the compiler cannot see the offset and split the load.
  volatile uintptr_t address = (uintptr_t)words + 1u;
  return *(volatile uint32_t*)address;
}

__attribute__((noinline)) uint32_t unaligned_load_multiple(void) {
  // LDM faults on an unaligned base on every Cortex-M, whatever CCR.UNALIGN_TRP says.
  static volatile uint32_t words[3] = {1u, 2u, 3u};
  volatile uintptr_t address = (uintptr_t)words + 2u;
  register uint32_t first __asm__("r0");
  register uint32_t second __asm__("r1");
  register uintptr_t base __asm__("r2") = address;
  __asm__ volatile("ldmia %2!, {%0, %1}" : "=l"(first), "=l"(second), "+l"(base) : : "memory");
  return first + second;
}

#if __ARM_ARCH >= 7
__attribute__((noinline)) uint32_t load_double(const volatile uint32_t* words) {
  // LDRD faults on a base that is not word-aligned on Armv7-M/Armv8-M (A3.2.1).
  uint32_t low, high;
  __asm__ volatile("ldrd %0, %1, [%2]" : "=r"(low), "=r"(high) : "r"(words) : "memory");
  return low + high;
}

__attribute__((noinline)) uint32_t unaligned_load_double(void) {
  static volatile uint32_t words[3] = {1u, 2u, 3u};
  volatile uintptr_t address = (uintptr_t)words + 2u;
  return load_double((const volatile uint32_t*)address);
}
#endif

#if defined(__ARM_FP)
__attribute__((noinline)) uint32_t fpu_switched_off(void) {
  // The start-up code enabled the FPU; switch it off again, then use it.
  volatile uint32_t* const cpacr = (volatile uint32_t*)0xE000ED88u;
  *cpacr &= ~(0xFu << 20);
  __asm__ volatile("dsb\n\tisb" ::: "memory");
  __asm__ volatile("vadd.f32 s0, s0, s0" ::: "s0");
  return 1u;
}
#endif

int main(void) {
  print("mode ");
  print_uint(FAULT_MODE);
  print("\n");
  switch (FAULT_MODE) {
    case 1: write_past_ram(); break;
    case 2: return (int)read_nowhere();
    case 3: write_flash(); break;
    case 4: call_null(); break;
    case 5: dsp_instruction(); break;
    case 6: permanently_undefined(); break;
    case 7: spin_forever(); break;
    case 8: return (int)recurse(0);
    case 9: sleep_forever(); break;
    case 10: return (int)(unaligned_read() >> 24);
    case 11: return (int)unaligned_load_multiple();
#if __ARM_ARCH >= 7
    case 12: return (int)unaligned_load_double();
#endif
#if defined(__ARM_FP)
    case 13: return (int)fpu_switched_off();
#endif
    default: break;
  }
  return 3;
}
