@ Reset handler: moves SP to the top of the device's RAM as TinySim's SYSINFO block
@ reports it (one firmware build serves every RAM size), then enters C.
  .syntax unified
  .thumb
  .section .text.Reset_Handler, "ax", %progbits
  .global Reset_Handler
  .type Reset_Handler, %function
Reset_Handler:
  ldr r0, =0x4F000000       @ TS_SYSINFO_BASE
  ldr r1, [r0, #0]          @ TS_SYSINFO_ID
  ldr r2, =0x4D495354
  cmp r1, r2
  bne 1f
  ldr r1, [r0, #0x0C]       @ TS_SYSINFO_RAM_BASE
  ldr r2, [r0, #0x10]       @ TS_SYSINFO_RAM_SIZE
  adds r1, r1, r2
  mov sp, r1
1:
#if defined(__ARM_FP)
  @ Hard-float builds: the FPU is off at reset (CPACR.CP10/CP11 = 0, Armv7-M ARM B3.2.20).
  ldr r0, =0xE000ED88       @ CPACR
  ldr r1, [r0]
  orr r1, r1, #(0xF << 20)  @ CP10 and CP11: full access
  str r1, [r0]
  dsb
  isb
#endif
  bl tinysim_start
  b .
  .size Reset_Handler, . - Reset_Handler
