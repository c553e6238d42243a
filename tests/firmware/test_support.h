// Small helpers shared by the emulator test firmwares (tests/firmware/*): print
// numbers through semihosting and reach the Cortex-M system registers.
#ifndef TINYSIM_TEST_SUPPORT_H
#define TINYSIM_TEST_SUPPORT_H

#include <stdint.h>

#include "decimal_text.h"
#include "semihosting.h"
#include "tinysim_regs.h"

#define SCS_REG(offset) (*(volatile uint32_t*)(0xE000E000u + (offset)))
#define SYST_CSR SCS_REG(0x010)
#define SYST_RVR SCS_REG(0x014)
#define SYST_CVR SCS_REG(0x018)
#define NVIC_ISER0 SCS_REG(0x100)
#define NVIC_ISPR0 SCS_REG(0x200)
#define SCB_CPUID SCS_REG(0xD00)
#define SCB_ICSR SCS_REG(0xD04)
#define SCB_VTOR SCS_REG(0xD08)
#define SCB_SCR SCS_REG(0xD10)
#define SCB_DEMCR SCS_REG(0xDFC)
#define DWT_CTRL (*(volatile uint32_t*)0xE0001000u)
#define DWT_CYCCNT (*(volatile uint32_t*)0xE0001004u)

static inline void print(const char* text) { semihost_write0(text); }

static inline void print_uint(uint32_t value) {
  char text[12];
  semihost_write0(uint_text(value, text));
}

static inline void print_hex(uint32_t value) {
  char text[11] = "0x";
  for (int i = 0; i < 8; ++i) text[2 + i] = "0123456789abcdef"[(value >> (28 - 4 * i)) & 0xFu];
  text[10] = 0;
  semihost_write0(text);
}

/// Prints "<what> <value in hex>" on a line; 1 if the value is not `expected`.
static inline int print_check(const char* what, uint32_t value, uint32_t expected) {
  print(what);
  print(" ");
  print_hex(value);
  print("\n");
  return value != expected;
}

#endif
