// Prints through UART0 of Arm's reference boards (CMSDK APB UART, DDI 0479C section
// 4.3): set BAUDDIV, enable TX, poll STATE.TXFULL before each byte, as a QEMU-built
// program does. Exits with code 5 through semihosting.
#include <stdint.h>

#include "../decimal_text.h"
#include "semihosting.h"

#define UART_REG(offset) (*(volatile uint32_t*)((TINYSIM_BOARD_UART0) + (offset)))
#define UART_DATA UART_REG(0x000)
#define UART_STATE UART_REG(0x004)
#define UART_CTRL UART_REG(0x008)
#define UART_BAUDDIV UART_REG(0x010)
#define UART_PID0 UART_REG(0xFE0)

static void uart_putc(char c) {
  while (UART_STATE & 1u) {  // TX buffer full
  }
  UART_DATA = (uint8_t)c;
}

static void uart_puts(const char* text) {
  for (; *text; ++text) uart_putc(*text);
}

static void uart_put_uint(uint32_t value) {
  char text[12];
  uart_puts(uint_text(value, text));
}

int main(void) {
  UART_BAUDDIV = 25000000u / 115200u;  // 217: 115200 baud from the 25 MHz PCLK
  UART_CTRL = 1u;                      // TX enable
  uart_puts("uart: hello from the CMSDK APB UART\n");
  uint32_t sum = 0;
  for (uint32_t i = 1; i <= 10; ++i) sum += i * i;
  uart_puts("uart: sum of squares 1..10 = ");
  uart_put_uint(sum);
  uart_puts("\nuart: BAUDDIV ");
  uart_put_uint(UART_BAUDDIV);
  uart_puts(" PID0 ");
  uart_put_uint(UART_PID0);
  uart_puts("\n");
  while (UART_STATE & 1u) {
  }
  return 5;
}
