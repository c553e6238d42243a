/* Micro-benchmark kernels for the cycle model (tests/machine/cycle_exact_test.cpp).
 * Each kernel returns the DWT CYCCNT difference around its body. The body is its
 * own basic block (entered and left by a B), so the model's per-block charge and
 * the hardware count the same instructions; a kernel with an empty body calibrates
 * the fixed overhead of the two reads. The body may use r1, r2, r4-r7 and the 16
 * bytes at SP; r0 holds the first reading and r3 the CYCCNT address.
 * A read of CYCCNT inside a block sees the count at the block's end (the model
 * charges blocks whole), so the reads' overhead is in the calibration. */
  .syntax unified
  .thumb
  .text

  .macro KERNEL name
  .global \name
  .type \name, %function
  .thumb_func
  .balign 64  /* a kernel never crosses a 1 KiB boundary, where Unicorn ends a block */
\name:
  push {r4-r7, lr}
  sub sp, sp, #16
  ldr r3, =0xE0001004
  ldr r0, [r3]
  b 1f
1:
  .endm

  .macro END_KERNEL
  b 2f
2:
  ldr r1, [r3]
  subs r0, r1, r0
  add sp, sp, #16
  pop {r4-r7, pc}
  .ltorg
  .endm

KERNEL bench_empty
END_KERNEL

KERNEL bench_alu
  adds r4, r4, #1
  eors r5, r4
  lsls r6, r5, #3
  subs r6, r6, r4
  orrs r5, r6
  mvns r6, r5
  ands r4, r6
  movs r5, #7
END_KERNEL

KERNEL bench_loads
  ldr r4, [sp, #0]
  ldr r5, [sp, #4]
  ldr r6, [sp, #8]
  ldr r7, [sp, #12]
END_KERNEL

KERNEL bench_stores
  str r4, [sp, #0]
  str r5, [sp, #4]
  str r6, [sp, #8]
  str r7, [sp, #12]
END_KERNEL

KERNEL bench_load_store
  ldr r4, [sp, #0]
  str r4, [sp, #4]
END_KERNEL

KERNEL bench_loop
  movs r2, #10
3:
  subs r2, r2, #1
  bne 3b
END_KERNEL

KERNEL bench_mul
  muls r4, r5, r4
  muls r4, r5, r4
  muls r4, r5, r4
  muls r4, r5, r4
END_KERNEL

KERNEL bench_call
  bl leaf
END_KERNEL

  .type leaf, %function
  .thumb_func
leaf:
  push {r4, lr}
  movs r4, #1
  pop {r4, pc}

#if __ARM_ARCH >= 7
KERNEL bench_address_interlock
  mov r4, sp
  ldr r5, [r4]
END_KERNEL

KERNEL bench_mla
  mla r4, r5, r6, r4
  mla r4, r5, r6, r4
  mla r4, r5, r6, r4
  mla r4, r5, r6, r4
END_KERNEL

KERNEL bench_udiv_small
  movs r5, #100
  movs r6, #7
  udiv r4, r5, r6
END_KERNEL

KERNEL bench_udiv_large
  mvn r5, #0
  movs r6, #3
  udiv r4, r5, r6
END_KERNEL
#endif

#if defined(__ARM_FEATURE_DSP)
KERNEL bench_smlad
  smlad r4, r5, r6, r4
  smlad r4, r5, r6, r4
  smlad r4, r5, r6, r4
  smlad r4, r5, r6, r4
END_KERNEL
#endif
