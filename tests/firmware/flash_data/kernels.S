/* Flash data-read kernels (tests/machine/flash_data_test.cpp): the same word sum over
 * a const table in flash and over a copy in SRAM, plus LDM/LDRD/VLDM from flash. The
 * kernels themselves run from SRAM (copied with .data at start-up), so instruction
 * fetches have no wait states and only the data reads from flash pay them. Each
 * kernel returns the DWT CYCCNT difference around its body, as in cycle_bench: the
 * empty kernel calibrates the two reads. Every flash table starts a new 64-byte
 * block (8-byte aligned, so each pair of words is one flash line) and is read by one
 * kernel only: its first read of each line is a miss. */
  .syntax unified
  .thumb
  .section .ramfunc.flash_data_kernels, "awx", %progbits

  .macro KERNEL name, table
  .global \name
  .type \name, %function
  .thumb_func
  .balign 64  /* never across a 1 KiB boundary, where Unicorn ends a block */
\name:
  push {r4-r7, lr}
  ldr r3, =0xE0001004
  ldr r1, =\table
  movs r2, #0
  movs r4, #0
  ldr r0, [r3]
  b 1f
1:
  .endm

  /* After the second read: r4 (what the body summed or loaded) into data_result. */
  .macro END_KERNEL
  b 2f
2:
  ldr r1, [r3]
  subs r0, r1, r0
  ldr r2, =data_result
  str r4, [r2]
  pop {r4-r7, pc}
  .ltorg
  .endm

  /* r4 += the 8 words at r1: one block per iteration. */
  .macro SUM_LOOP label
\label:
  ldr r5, [r1, r2]
  adds r4, r4, r5
  adds r2, r2, #4
  cmp r2, #32
  bne \label\()b
  .endm

KERNEL data_empty, flash_sum_table
END_KERNEL

KERNEL data_flash_sum, flash_sum_table
  SUM_LOOP 3
END_KERNEL

KERNEL data_sram_sum, sram_sum_table
  SUM_LOOP 3
END_KERNEL

/* The same sum through the STM32 flash boot alias at 0 (flash at 0x0800 0000): main.c
 * runs it only where the core booted through that alias (VTOR reset value 0). */
KERNEL data_alias_sum, alias_sum_table - 0x08000000
  SUM_LOOP 3
END_KERNEL

KERNEL data_flash_twice, flash_twice_table
  SUM_LOOP 3
  movs r2, #0
  SUM_LOOP 4
END_KERNEL

KERNEL data_flash_ldm, flash_ldm_table
  ldm r1!, {r4-r7}
END_KERNEL

#if __ARM_ARCH >= 7
KERNEL data_flash_ldrd, flash_ldrd_table
  ldrd r4, r5, [r1, #8]
END_KERNEL
#endif

#if defined(__ARM_FP)
KERNEL data_flash_vldm, flash_vldm_table
  vldmia r1, {s0-s3}
END_KERNEL
#endif

  .balign 4
  .global data_result
data_result:
  .word 0
sram_sum_table:
  .word 1, 2, 3, 4, 5, 6, 7, 8

  .section .rodata.flash_data_tables, "a", %progbits
  .balign 64
  .global flash_sum_table
flash_sum_table:
  .word 1, 2, 3, 4, 5, 6, 7, 8
  .balign 64
flash_twice_table:
  .word 1, 2, 3, 4, 5, 6, 7, 8
  .balign 64
alias_sum_table:
  .word 1, 2, 3, 4, 5, 6, 7, 8
  .balign 64
flash_ldm_table:
  .word 1, 2, 3, 4
  .balign 64
flash_ldrd_table:
  .word 1, 2, 3, 4
  .balign 64
flash_vldm_table:
  .word 1, 2, 3, 4
