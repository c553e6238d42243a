// Every semihosting call TinySim supports, and a refused file operation.
#include "../test_support.h"

static uint32_t open_file(const char* name, uint32_t mode) {
  uint32_t block[3] = {(uint32_t)name, mode, 0};
  while (name[block[2]]) ++block[2];
  return semihost_call(0x01u, block);
}

static uint32_t write_handle(uint32_t handle, const char* text, uint32_t length) {
  uint32_t block[3] = {handle, (uint32_t)text, length};
  return semihost_call(SEMIHOST_SYS_WRITE, block);
}

int main(void) {
  semihost_call(SEMIHOST_SYS_WRITEC, "A");
  semihost_call(SEMIHOST_SYS_WRITEC, "\n");
  print("write0 ok\n");
  const uint32_t out = open_file(":tt", 4);   // "w": stdout
  const uint32_t err = open_file(":tt", 8);   // "a": stderr
  const uint32_t left = write_handle(out, "to stdout\n", 10);
  write_handle(err, "to stderr\n", 10);
  const uint32_t file = open_file("secret.txt", 0);
  print("file handle ");
  print_hex(file);
  print("\n");
  for (volatile int i = 0; i < 1000; ++i) {
  }
  uint32_t ticks[2] = {0, 0};
  const uint32_t elapsed_ok = semihost_call(SEMIHOST_SYS_ELAPSED, ticks);
  const uint32_t hz = semihost_call(0x31u, 0);  // SYS_TICKFREQ
  const uint32_t centis = semihost_call(SEMIHOST_SYS_CLOCK, 0);
  print("elapsed ");
  print_uint(ticks[0]);
  print(" hz ");
  print_uint(hz);
  print(" clock ");
  print_uint(centis);
  print("\n");
  return (out == 1 && err == 2 && left == 0 && elapsed_ok == 0 && ticks[0] > 1000u) ? 7 : 1;
}
