// ARM semihosting calls (BKPT 0xAB): console output and exit with a code.
#ifndef TINYSIM_SEMIHOSTING_H
#define TINYSIM_SEMIHOSTING_H

#include <stdint.h>

#define SEMIHOST_SYS_WRITEC 0x03u
#define SEMIHOST_SYS_WRITE0 0x04u
#define SEMIHOST_SYS_WRITE 0x05u
#define SEMIHOST_SYS_CLOCK 0x10u
#define SEMIHOST_SYS_ELAPSED 0x30u
#define SEMIHOST_SYS_EXIT 0x18u
#define SEMIHOST_SYS_EXIT_EXTENDED 0x20u
#define SEMIHOST_ADP_STOPPED_APPLICATION_EXIT 0x20026u

#ifdef __cplusplus
extern "C" {
#endif

static inline uint32_t semihost_call(uint32_t op, const void* arg) {
  register uint32_t r0 __asm__("r0") = op;
  register const void* r1 __asm__("r1") = arg;
  __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

static inline void semihost_write0(const char* text) { semihost_call(SEMIHOST_SYS_WRITE0, text); }

__attribute__((noreturn)) static inline void semihost_exit(int code) {
  const uint32_t block[2] = {SEMIHOST_ADP_STOPPED_APPLICATION_EXIT, (uint32_t)code};
  semihost_call(SEMIHOST_SYS_EXIT_EXTENDED, block);
  for (;;) {
  }
}

#ifdef __cplusplus
}
#endif

#endif
