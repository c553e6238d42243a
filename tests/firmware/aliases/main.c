// Memory aliases (devices/*.yaml `aliases:`): a write through one address is read
// through the other, and code runs from the alias. On the STM32L476 (RM0351): flash
// at 0x0000 0000 and 0x0800 0000, SRAM2 at 0x1000 0000 and 0x2001 8000; on the
// nRF52840: RAM at 0x2000 0000 and, as Code RAM, at 0x0080 0000. Prints what it
// read; exits with the number of failed checks.
#include "../test_support.h"

extern char __flash_origin;  // the link layout (--defsym), telling the two devices apart

typedef uint32_t (*function)(uint32_t);

static const uint32_t in_flash = 0xF1A5C0DEu;
static int failures;

__attribute__((noinline)) static uint32_t triple_plus_one(uint32_t x) { return 3u * x + 1u; }

/// Thumb code for `adds r0, r0, #5; bx lr`, placed in RAM and run from there.
static const uint16_t add_five[2] = {0x3005u, 0x4770u};

static void check(const char* what, uint32_t value, uint32_t expected) {
  failures += print_check(what, value, expected);
}

static volatile uint32_t* at(uint32_t address) { return (volatile uint32_t*)address; }

/// Copies add_five to `write_at` and calls it at `run_at` (the same memory).
static uint32_t run_copied_code(uint32_t write_at, uint32_t run_at, uint32_t x) {
  volatile uint16_t* code = (volatile uint16_t*)write_at;
  code[0] = add_five[0];
  code[1] = add_five[1];
  __asm__ volatile("dsb\n\tisb" ::: "memory");
  return ((function)(run_at | 1u))(x);
}

static void stm32l476(void) {
  const uint32_t flash = (uint32_t)&__flash_origin;
  print("stm32l476\n");
  check("flash word via 0x00000000", *at((uint32_t)&in_flash - flash), in_flash);
  const function aliased = (function)(((uint32_t)&triple_plus_one - flash) | 1u);
  check("result", aliased(14u), 43u);
  *at(0x10000100u) = 0x5A5A0001u;
  check("sram2 written at 0x10000100, read at 0x20018100", *at(0x20018100u), 0x5A5A0001u);
  *at(0x20018200u) = 0x5A5A0002u;
  check("sram2 written at 0x20018200, read at 0x10000200", *at(0x10000200u), 0x5A5A0002u);
  check("code copied to 0x10000300, run at 0x20018300", run_copied_code(0x10000300u, 0x20018300u, 10u), 15u);
}

static uint32_t ram_buffer[16] __attribute__((aligned(8)));

static void nrf52840(void) {
  const uint32_t data = (uint32_t)&ram_buffer[0];
  const uint32_t code = data - 0x20000000u + 0x00800000u;  // the same RAM as Code RAM
  print("nrf52840\n");
  *at(code + 32u) = 0x5A5A0003u;
  check("ram written as code ram, read as data ram", *at(data + 32u), 0x5A5A0003u);
  check("code written as data ram, run as code ram", run_copied_code(data, code, 37u), 42u);
}

int main(void) {
  if ((uint32_t)&__flash_origin == 0x08000000u) stm32l476();
  else nrf52840();
  return failures;
}
