// A scenario firmware that polls the sensor without ever sleeping or finishing: the
// scenario run must stop it and say so (tests/scenario/user_firmware_test.cpp).
#include "../test_support.h"

int main(void) {
  TS_REG(TS_SENSOR_BASE, TS_SENSOR_WINDOW) = 8u;
  TS_REG(TS_SENSOR_BASE, TS_SENSOR_CTRL) = TS_SENSOR_CTRL_ENABLE;
  for (;;) {
    if (TS_REG(TS_SENSOR_BASE, TS_SENSOR_STATUS) & TS_SENSOR_STATUS_READY) TS_REG(TS_SENSOR_BASE, TS_SENSOR_DISCARD) = 8u;
  }
}
