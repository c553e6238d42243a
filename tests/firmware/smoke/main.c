// Smallest useful firmware: prints through semihosting and exits with a code
// computed at run time, so the test proves the program really ran.
#include "semihosting.h"

static volatile int seed = 6;

int main(void) {
  semihost_write0("smoke: hello from TinySim\n");
  return seed * 7;  // exit code 42
}
