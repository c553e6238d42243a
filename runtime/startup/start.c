// C start-up: copy .data from flash, zero .bss, run constructors, call main and
// report its return value as the exit code through ARM semihosting.
#include <stdint.h>
#include <string.h>

#include "semihosting.h"

extern uint32_t __data_start, __data_end, __data_load, __bss_start, __bss_end;
extern void (*__init_array_start[])(void);
extern void (*__init_array_end[])(void);
int main(void);
void tinysim_start(void);

void tinysim_start(void) {
  memcpy(&__data_start, &__data_load, (size_t)((char*)&__data_end - (char*)&__data_start));
  memset(&__bss_start, 0, (size_t)((char*)&__bss_end - (char*)&__bss_start));
  for (void (**ctor)(void) = __init_array_start; ctor != __init_array_end; ++ctor) (*ctor)();
  semihost_exit(main());
}
