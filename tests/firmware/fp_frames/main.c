// Exception frames with FP state (Armv7-M B1.5.7, Armv8-M): a thread with an FP
// context gets the 26-word extended frame and EXC_RETURN bit 4 clear; a handler that
// changes the stacked s0 and FPSCR changes what the thread sees after the return;
// a thread without one gets the basic frame. Prints what it saw; exits with the
// number of failed checks.
#include "../test_support.h"

#define FPCCR (*(volatile uint32_t*)0xE000EF34u)
#define FPCAR (*(volatile uint32_t*)0xE000EF38u)
#define SCB_SHPR2 SCS_REG(0xD1C)
#define SCB_SHPR3 SCS_REG(0xD20)
#define FPCCR_LSPEN (1u << 30)
#define CONTROL_FPCA 4u

#define ONE_AND_HALF 0x3FC00000u  // 1.5f: s0 in the thread
#define TWO_AND_HALF 0x40200000u  // 2.5f: what the handler writes into the frame
#define NINETY_NINE 0x42C60000u   // 99.0f: the handler's own s0
#define TEN 0x41200000u           // 10.0f: s0 of the SVC handler when PendSV preempts it
#define ELEVEN 0x41300000u        // 11.0f: what PendSV writes into the SVC handler's frame
#define FPSCR_RP 0x00400000u      // RMode = round towards plus infinity
#define FPSCR_RM 0x00800000u      // RMode = round towards minus infinity

/// The SVC path and the timed code run from SRAM: no flash wait states or
/// accelerator lines in the cycles measured (.data is copied to SRAM at start-up).
#define IN_SRAM __attribute__((section(".ramfunc.in_sram"), noinline))

enum mode { CHANGE_FRAME, NESTED, QUIET };
static volatile enum mode mode;

/// What one handler saw.
struct seen {
  uint32_t exc_return, frame, realigned, stacked_s0, stacked_fpscr, handler_fpscr, fpcar;
};
static volatile struct seen handler, preempting;
static volatile uint32_t svc_s0_after_pendsv;
static volatile uint32_t tick_seen;
static uint32_t process_stack[256] __attribute__((aligned(8)));
static int failures;

static void record(volatile struct seen* out, uint32_t* frame, uint32_t exc_return) {
  uint32_t fpscr;
  // The handler's first FP instruction: on the chip it also makes a lazily stacked
  // frame complete before the frame is read.
  __asm__ volatile("vmrs %0, fpscr" : "=r"(fpscr));
  out->exc_return = exc_return;
  out->frame = (uint32_t)frame;
  out->realigned = (frame[7] >> 9) & 1u;
  out->handler_fpscr = fpscr;
  out->fpcar = FPCAR;
  out->stacked_s0 = (exc_return & 0x10u) ? 0u : frame[8];
  out->stacked_fpscr = (exc_return & 0x10u) ? 0u : frame[24];
}

static void change_frame(uint32_t* frame, uint32_t exc_return) {
  record(&handler, frame, exc_return);
  if (!(exc_return & 0x10u)) {
    frame[8] = TWO_AND_HALF;
    frame[24] = FPSCR_RM;
  }
  __asm__ volatile("vmov s0, %0" : : "r"(NINETY_NINE) : "s0");  // s0 is the handler's to use
}

void svc_body(uint32_t* frame, uint32_t exc_return);
IN_SRAM void svc_body(uint32_t* frame, uint32_t exc_return) {
  if (mode == QUIET) return;
  if (mode == CHANGE_FRAME) {
    change_frame(frame, exc_return);
    return;
  }
  // NESTED: this handler has an FP context when the higher-priority PendSV arrives.
  uint32_t s0;
  __asm__ volatile(
      "vmov s0, %1\n\t"
      "str %2, [%3]\n\t"  // ICSR.PENDSVSET
      "dsb\n\tisb\n\t"
      "vmov %0, s0"
      : "=r"(s0)
      : "r"(TEN), "r"(1u << 28), "r"(&SCB_ICSR)
      : "s0", "memory");
  svc_s0_after_pendsv = s0;
}

void pendsv_body(uint32_t* frame, uint32_t exc_return);
void pendsv_body(uint32_t* frame, uint32_t exc_return) {
  record(&preempting, frame, exc_return);
  frame[8] = ELEVEN;
  __asm__ volatile("vmov s0, %0" : : "r"(0u) : "s0");
}

void systick_body(uint32_t* frame, uint32_t exc_return);
void systick_body(uint32_t* frame, uint32_t exc_return) {
  SYST_CSR = 0u;
  change_frame(frame, exc_return);
  tick_seen = 1u;
}

// The frame is at the SP of the stack the exception used (EXC_RETURN bit 2).
#define FRAME_HANDLER(name, body)                                             \
  __attribute__((naked, section(".ramfunc.in_sram"))) void name(void) {         \
    __asm__ volatile("tst lr, #4\n\tite eq\n\tmrseq r0, msp\n\tmrsne r0, psp\n\t" \
                     "mov r1, lr\n\tb " #body);                               \
  }
FRAME_HANDLER(SVC_Handler, svc_body)
FRAME_HANDLER(PendSV_Handler, pendsv_body)
FRAME_HANDLER(SysTick_Handler, systick_body)

/// s0 and FPSCR set, SVC, s0 and FPSCR read back, all with CONTROL = `control`
/// (FPCA clear: no FP context until the vmov; SPSEL: on the PSP). One asm block, so
/// the compiler keeps nothing on a stack that is switched under it.
struct after { uint32_t sp, s0, fpscr; };
static struct after svc_with_fp(uint32_t s0_in, uint32_t fpscr_in, uint32_t control) {
  struct after out;
  uint32_t saved;
  __asm__ volatile(
      "mrs %[saved], control\n\t"
      "msr control, %[control]\n\t"
      "isb\n\t"
      "vmov s0, %[s0in]\n\t"
      "vmsr fpscr, %[fin]\n\t"
      "mov %[sp], sp\n\t"
      "svc #0\n\t"
      "vmov %[s0out], s0\n\t"
      "vmrs %[fout], fpscr\n\t"
      "msr control, %[saved]\n\t"
      "isb"
      : [s0out] "=&r"(out.s0), [fout] "=&r"(out.fpscr), [sp] "=&r"(out.sp), [saved] "=&r"(saved)
      : [s0in] "r"(s0_in), [fin] "r"(fpscr_in), [control] "r"(control)
      : "s0", "memory");
  __asm__ volatile("vmsr fpscr, %0" : : "r"(0u));
  return out;
}

static void check(const char* what, uint32_t value, uint32_t expected) {
  failures += print_check(what, value, expected);
}

/// The frame size the handler saw below the thread's SP, without the realignment word.
static uint32_t frame_bytes(uint32_t sp, const volatile struct seen* s) { return sp - s->frame - 4u * s->realigned; }

static void extended_frame_checks(const char* label, struct after a, uint32_t exc_return) {
  print(label);
  print("\n");
  check(" exc_return", handler.exc_return, exc_return);
  check(" stacked s0", handler.stacked_s0, ONE_AND_HALF);
  check(" stacked fpscr", handler.stacked_fpscr, FPSCR_RP);
  check(" handler fpscr", handler.handler_fpscr, 0u);  // a new FP context: FPDSCR
  check(" thread s0", a.s0, TWO_AND_HALF);
  check(" thread fpscr", a.fpscr, FPSCR_RM);
  check(" frame bytes", frame_bytes(a.sp, &handler), 104u);
}

static void lazy_frame(void) {
  mode = CHANGE_FRAME;
  const struct after a = svc_with_fp(ONE_AND_HALF, FPSCR_RP, 0u);
  extended_frame_checks("svc, lazy stacking", a, 0xFFFFFFE9u);
  check(" fpcar - frame", handler.fpcar - handler.frame, 0x20u);  // FPCAR: the s0 slot
}

static void immediate_frame_from_systick(void) {
  FPCCR = FPCCR & ~FPCCR_LSPEN;
  FPCAR = 0u;
  mode = CHANGE_FRAME;
  struct after a;
  SYST_RVR = 199u;
  SYST_CVR = 0u;
  SYST_CSR = 0x7u;
  __asm__ volatile(
      "vmov s0, %[s0in]\n\t"
      "vmsr fpscr, %[fin]\n\t"
      "mov %[sp], sp\n\t"
      "1: ldr %[s0out], [%[flag]]\n\t"
      "cmp %[s0out], #0\n\t"
      "beq 1b\n\t"
      "vmov %[s0out], s0\n\t"
      "vmrs %[fout], fpscr"
      : [s0out] "=&r"(a.s0), [fout] "=&r"(a.fpscr), [sp] "=&r"(a.sp)
      : [s0in] "r"(ONE_AND_HALF), [fin] "r"(FPSCR_RP), [flag] "r"(&tick_seen)
      : "s0", "cc", "memory");
  __asm__ volatile("vmsr fpscr, %0" : : "r"(0u));
  extended_frame_checks("systick, immediate stacking", a, 0xFFFFFFE9u);
  check(" fpcar", handler.fpcar, 0u);  // FPCAR moves only with lazy stacking
  FPCCR = FPCCR | FPCCR_LSPEN;
}

static void basic_frame(void) {
  mode = CHANGE_FRAME;
  uint32_t sp;
  // CONTROL.FPCA cleared and no FP instruction before the SVC: no FP context.
  __asm__ volatile(
      "mrs r2, control\n\t"
      "bic r2, r2, #4\n\t"
      "msr control, r2\n\t"
      "isb\n\t"
      "mov %0, sp\n\t"
      "svc #0"
      : "=&r"(sp)
      :
      : "r2", "memory");
  print("svc, no FP context\n");
  check(" exc_return", handler.exc_return, 0xFFFFFFF9u);
  check(" frame bytes", frame_bytes(sp, &handler), 32u);
}

static void process_stack_frame(void) {
  mode = CHANGE_FRAME;
  __asm__ volatile("msr psp, %0" : : "r"(&process_stack[256]));
  const struct after a = svc_with_fp(ONE_AND_HALF, FPSCR_RP, 2u);  // CONTROL.SPSEL
  extended_frame_checks("svc on the process stack", a, 0xFFFFFFEDu);
  check(" frame on the process stack", handler.frame >= (uint32_t)&process_stack[0] &&
                                            handler.frame < (uint32_t)&process_stack[256], 1u);
}

static void nested_frame(void) {
  SCB_SHPR2 = 0x80u << 24;  // SVCall below PendSV (priority 0), so PendSV preempts it
  mode = NESTED;
  svc_with_fp(ONE_AND_HALF, FPSCR_RP, 0u);
  SCB_SHPR2 = 0u;
  print("pendsv preempting an svc handler with an FP context\n");
  check(" exc_return", preempting.exc_return, 0xFFFFFFE1u);
  check(" stacked s0", preempting.stacked_s0, TEN);
  check(" svc handler s0", svc_s0_after_pendsv, ELEVEN);
}

/// Cycles of an SVC whose handler uses no FP, from a thread with an FP context
/// (CONTROL.FPCA written directly), with FPCCR.LSPEN as given: lazily, the chip
/// never saves the FP state (as fast as the basic frame); immediately, it saves and
/// restores it (17 + 17).
IN_SRAM static uint32_t svc_cycles(uint32_t control, int lazy) {
  FPCCR = lazy ? FPCCR | FPCCR_LSPEN : FPCCR & ~FPCCR_LSPEN;
  mode = QUIET;
  uint32_t cycles = 0;
  for (int i = 0; i < 2; ++i) {  // the second run, with the flash lines already cached
    uint32_t before, after;
    __asm__ volatile(
        "msr control, %[control]\n\t"
        "isb\n\t"
        "ldr %[before], [%[cyccnt]]\n\t"
        "svc #0\n\t"
        "ldr %[after], [%[cyccnt]]"
        : [before] "=&r"(before), [after] "=&r"(after)
        : [control] "r"(control), [cyccnt] "r"(&DWT_CYCCNT)
        : "memory");
    cycles = after - before;
  }
  FPCCR = FPCCR | FPCCR_LSPEN;
  return cycles;
}

static void frame_timing(void) {
  SCB_DEMCR = 1u << 24;
  DWT_CTRL = 1u;
  const uint32_t basic = svc_cycles(0u, 1);
  const uint32_t lazy = svc_cycles(CONTROL_FPCA, 1);
  const uint32_t immediate = svc_cycles(CONTROL_FPCA, 0);
  __asm__ volatile("msr control, %0\n\tisb" : : "r"(0u) : "memory");
  print("cycles\n");
  check(" lazy - basic", lazy - basic, 0u);
  check(" immediate - lazy", immediate - lazy, 34u);
}

int main(void) {
  basic_frame();
  lazy_frame();
  immediate_frame_from_systick();
  process_stack_frame();
  nested_frame();
  frame_timing();
  return failures;
}
