// A Unity-style unit test suite built for Arm's reference boards (QEMU mps2-*,
// TinySim's generic-m0plus): start-up, libgcc/newlib helpers and the writable code
// SSRAM. Built twice: board_unity (all pass, exit 0) and board_unity_fail (one
// deliberate failure, exit 1), to check both outcomes match QEMU's.
#include <stdint.h>
#include <stdlib.h>

#include "unit_runner.h"

struct unit_state unit_state;

static int32_t initialised = 41;  // .data: copied from code SSRAM by the start-up
static uint32_t zeroed[16];       // .bss: cleared by the start-up
extern uint32_t __flash_end;      // first code-SSRAM byte after the image (sections.ld)

static void test_data_and_bss_are_initialised(void) {
  TEST_ASSERT_EQUAL_INT(41, initialised);
  for (int i = 0; i < 16; ++i) TEST_ASSERT_EQUAL_INT(0, zeroed[i]);
}

static uint32_t crc32(const char* text) {
  uint32_t crc = 0xFFFFFFFFu;
  for (; *text; ++text) {
    crc ^= (uint8_t)*text;
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

static void test_crc32_check_value(void) {
  // The CRC-32 (IEEE 802.3) check value of "123456789".
  TEST_ASSERT_EQUAL_HEX32(0xCBF43926u, crc32("123456789"));
}

static void test_64_bit_multiply_and_divide(void) {
  volatile uint64_t a = 0xFFFFFFFFu;
  const uint64_t square = a * a;
  TEST_ASSERT_EQUAL_HEX32(0x00000001u, (uint32_t)square);
  TEST_ASSERT_EQUAL_HEX32(0xFFFFFFFEu, (uint32_t)(square >> 32));
  TEST_ASSERT_EQUAL_HEX32(0xFFFFFFFFu, (uint32_t)(square / a));
}

static void test_signed_division_truncates_toward_zero(void) {
  volatile int32_t n = -7, d = 2;
  TEST_ASSERT_EQUAL_INT(-3, n / d);
  TEST_ASSERT_EQUAL_INT(-1, n % d);
}

static void test_float_arithmetic(void) {
  volatile float x = 1.25f;
  TEST_ASSERT_EQUAL_INT(1250, (int32_t)(1000.0f * x));
  volatile double third = 1.0 / 3.0;
  TEST_ASSERT_EQUAL_INT(333333, (int32_t)(third * 1000000.0));
}

static int compare_ints(const void* a, const void* b) {
  const int32_t x = *(const int32_t*)a, y = *(const int32_t*)b;
  return (x > y) - (x < y);
}

static void test_newlib_qsort(void) {
  int32_t values[6] = {42, -5, 17, 0, 99, -40};
  qsort(values, 6, sizeof values[0], compare_ints);
  const int32_t sorted[6] = {-40, -5, 0, 17, 42, 99};
  for (int i = 0; i < 6; ++i) TEST_ASSERT_EQUAL_INT(sorted[i], values[i]);
}

static void test_code_sram_is_writable(void) {
  // MPS2 code memory is SSRAM, not flash: a program may patch it.
  volatile uint32_t* word = (volatile uint32_t*)(((uintptr_t)&__flash_end + 3u) & ~(uintptr_t)3u);
  *word = 0xA5A55A5Au;
  TEST_ASSERT_EQUAL_HEX32(0xA5A55A5Au, *word);
}

#ifdef UNIT_DELIBERATE_FAILURE
static void test_deliberate_failure(void) { TEST_ASSERT_EQUAL_INT(5, 2 + 2); }
#endif

int main(void) {
  UNITY_BEGIN("main.c");
  RUN_TEST(test_data_and_bss_are_initialised);
  RUN_TEST(test_crc32_check_value);
  RUN_TEST(test_64_bit_multiply_and_divide);
  RUN_TEST(test_signed_division_truncates_toward_zero);
  RUN_TEST(test_float_arithmetic);
  RUN_TEST(test_newlib_qsort);
  RUN_TEST(test_code_sram_is_writable);
#ifdef UNIT_DELIBERATE_FAILURE
  RUN_TEST(test_deliberate_failure);
#endif
  return UNITY_END();
}
