// CCR.UNALIGN_TRP (Armv7-M ARM B3.2.8): an unaligned word read works while the bit
// is clear, then firmware sets it and the access selected by `trap_mode` (written
// in flash by the test) takes a UsageFault UNALIGNED in the function named after it.
#include "../test_support.h"

#define SCB_CCR SCS_REG(0xD14)
#define CCR_UNALIGN_TRP (1u << 3)

__attribute__((used)) const uint32_t trap_mode = 0;
#define TRAP_MODE (*(const volatile uint32_t*)&trap_mode)

// Little-endian bytes 44 33 22 11 88 77 66 55.
static volatile uint32_t words[2] = {0x11223344u, 0x55667788u};

/// words + `offset`, through a volatile so the compiler cannot see the offset and split the access.
static uintptr_t at(uintptr_t offset) {
  volatile uintptr_t address = (uintptr_t)words + offset;
  return address;
}

__attribute__((noinline)) uint32_t load_word(uintptr_t address) { return *(volatile uint32_t*)address; }
__attribute__((noinline)) uint32_t load_halfword(uintptr_t address) { return *(volatile uint16_t*)address; }
__attribute__((noinline)) void store_halfword(uintptr_t address, uint16_t value) { *(volatile uint16_t*)address = value; }

int main(void) {
  int failed = print_check("ccr", SCB_CCR, 0x200u);
  failed |= print_check("unaligned read", load_word(at(1)), 0x88112233u);
  SCB_CCR = SCB_CCR | CCR_UNALIGN_TRP;
  failed |= print_check("ccr", SCB_CCR, 0x208u);
  // Halfword-aligned is enough for a halfword, with the bit set too.
  failed |= print_check("halfword read", load_halfword(at(2)), 0x1122u);
  switch (TRAP_MODE) {
    case 0: failed |= print_check("trapped read", load_word(at(1)), 0x88112233u); break;
    case 1: store_halfword(at(3), 0xBEEFu); break;
    case 2:  // clear again: unaligned accesses work again
      SCB_CCR = SCB_CCR & ~CCR_UNALIGN_TRP;
      failed |= print_check("ccr", SCB_CCR, 0x200u);
      store_halfword(at(3), 0xBEEFu);
      failed |= print_check("read again", load_word(at(1)), 0xBEEF2233u);
      break;
    default: break;
  }
  return failed;
}
