// A minimal test runner printing in Unity's format ("file:line:test:PASS",
// "file:line:test:FAIL: Expected 5 Was 4", then "N Tests F Failures 0 Ignored" and
// OK/FAIL), so TinySim's checks read what a Unity-based suite built for QEMU prints.
// Output goes through semihosting; main returns the failure count as exit code.
#ifndef TINYSIM_UNIT_RUNNER_H
#define TINYSIM_UNIT_RUNNER_H

#include <stdint.h>

#include "../decimal_text.h"
#include "semihosting.h"

struct unit_state {
  const char* file;
  const char* test;
  unsigned tests;
  unsigned failures;
  int failed;  // the current test has failed
};
extern struct unit_state unit_state;

static inline void unit_print(const char* text) { semihost_write0(text); }

static inline void unit_print_int(int32_t value) {
  char text[12];
  unit_print(int_text(value, text));
}

static inline void unit_location(unsigned line) {
  unit_print(unit_state.file);
  unit_print(":");
  unit_print_int((int32_t)line);
  unit_print(":");
  unit_print(unit_state.test);
  unit_print(":");
}

static inline void unit_fail_int(int32_t expected, int32_t actual, unsigned line) {
  unit_location(line);
  unit_print("FAIL: Expected ");
  unit_print_int(expected);
  unit_print(" Was ");
  unit_print_int(actual);
  unit_print("\n");
  unit_state.failed = 1;
}

static inline void unit_fail_message(const char* message, unsigned line) {
  unit_location(line);
  unit_print("FAIL: ");
  unit_print(message);
  unit_print("\n");
  unit_state.failed = 1;
}

/// Stops the test at the first failed check, as Unity does.
#define TEST_ASSERT_EQUAL_INT(expected, actual)                                      \
  do {                                                                               \
    const int32_t unit_e = (int32_t)(expected), unit_a = (int32_t)(actual);          \
    if (unit_e != unit_a) {                                                          \
      unit_fail_int(unit_e, unit_a, __LINE__);                                       \
      return;                                                                        \
    }                                                                                \
  } while (0)
#define TEST_ASSERT_EQUAL_HEX32(expected, actual) TEST_ASSERT_EQUAL_INT(expected, actual)
#define TEST_ASSERT_TRUE(condition)                                                  \
  do {                                                                               \
    if (!(condition)) {                                                              \
      unit_fail_message("Expected TRUE Was FALSE", __LINE__);                        \
      return;                                                                        \
    }                                                                                \
  } while (0)

static inline void unit_run(void (*test)(void), const char* name, unsigned line) {
  unit_state.test = name;
  unit_state.failed = 0;
  ++unit_state.tests;
  test();
  if (unit_state.failed) {
    ++unit_state.failures;
  } else {
    unit_location(line);
    unit_print("PASS\n");
  }
}

#define UNITY_BEGIN(name) (unit_state.file = (name), unit_state.tests = 0, unit_state.failures = 0)
#define RUN_TEST(test) unit_run(test, #test, __LINE__)

static inline int unit_end(void) {
  unit_print("\n-----------------------\n");
  unit_print_int((int32_t)unit_state.tests);
  unit_print(" Tests ");
  unit_print_int((int32_t)unit_state.failures);
  unit_print(" Failures 0 Ignored \n");
  unit_print(unit_state.failures ? "FAIL\n" : "OK\n");
  return (int)unit_state.failures;
}
#define UNITY_END() unit_end()

#endif
