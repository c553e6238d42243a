// Thread mode on the process stack (CONTROL.SPSEL = 1), as an RTOS runs its tasks:
// an SVC taken from there stacks its frame on the PSP, runs the handler on the MSP
// with EXC_RETURN 0xFFFFFFFD, and returns to the task on the PSP.
#include "../test_support.h"

static uint32_t process_stack[128] __attribute__((aligned(8)));

static volatile uint32_t seen_exc_return, seen_psp, seen_sp, seen_r0;

void SVC_Handler(void) {
  uint32_t exc_return, psp, sp;
  __asm__ volatile("mov %0, lr" : "=r"(exc_return));
  __asm__ volatile("mrs %0, psp" : "=r"(psp));
  __asm__ volatile("mov %0, sp" : "=r"(sp));
  seen_exc_return = exc_return;
  seen_psp = psp;
  seen_sp = sp;
  volatile uint32_t* frame = (volatile uint32_t*)psp;
  seen_r0 = frame[0];
  frame[0] = frame[0] + 1u;  // the task sees r0 + 1 after the SVC
}

static int inside_process_stack(uint32_t address) {
  return address >= (uint32_t)&process_stack[0] && address <= (uint32_t)&process_stack[128];
}

int main(void) {
  const uint32_t top = (uint32_t)&process_stack[128];
  uint32_t main_sp;
  __asm__ volatile("mov %0, sp" : "=r"(main_sp));
  __asm__ volatile("msr psp, %0" : : "r"(top));
  __asm__ volatile("msr control, %0\n isb" : : "r"(2u) : "memory");

  uint32_t task_sp;
  __asm__ volatile("mov %0, sp" : "=r"(task_sp));
  register uint32_t r0 __asm__("r0") = 41u;
  __asm__ volatile("svc #0" : "+r"(r0) : : "memory");
  const uint32_t result = r0;
  uint32_t sp_after, control;
  __asm__ volatile("mov %0, sp" : "=r"(sp_after));
  __asm__ volatile("mrs %0, control" : "=r"(control));

  __asm__ volatile("msr control, %0\n isb" : : "r"(0u) : "memory");  // back to the MSP to print
  print("exc_return ");
  print_hex(seen_exc_return);
  print("\nresult ");
  print_uint(result);
  print("\ncontrol ");
  print_uint(control);
  print("\n");
  int failures = 0;
  failures += !inside_process_stack(task_sp);
  failures += sp_after != task_sp;
  failures += !inside_process_stack(seen_psp);
  failures += seen_psp != task_sp - 32u;  // the 8-word frame, task_sp is 8-byte aligned
  failures += inside_process_stack(seen_sp);  // the handler ran on the main stack
  failures += seen_sp > main_sp;
  failures += seen_r0 != 41u;
  return failures;
}
