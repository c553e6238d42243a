// Hello, TinyML: print what machine we run on, then time one fully connected int8
// layer (64 inputs -> 32 outputs) with the DWT cycle counter, as a real board would.
#include <stdint.h>

#include "hal/hal.h"
#include "kernels/fully_connected.h"
#include "semihosting.h"

namespace {

constexpr int32_t kInputs = 64;
constexpr int32_t kOutputs = 32;
int8_t weights[kOutputs * kInputs];
int8_t input[kInputs];
int8_t output[kOutputs];
int32_t bias[kOutputs];

volatile uint32_t& dwt(uint32_t address) { return *reinterpret_cast<volatile uint32_t*>(address); }

void print_number(const char* label, uint32_t value, const char* unit) {
  char digits[12];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value);
  char text[16];
  for (int i = 0; i < n; ++i) text[i] = digits[n - 1 - i];
  text[n] = 0;
  tinyrt::hal::console_write(label);
  tinyrt::hal::console_write(text);
  tinyrt::hal::console_write(unit);
}

}  // namespace

int main() {
  const tinyrt::hal::MachineInfo info = tinyrt::hal::machine_info();
  tinyrt::hal::console_write("hello from TinySim's runtime\n");
  print_number("  core clock   ", info.clock_hz / 1000000u, " MHz\n");
  print_number("  RAM          ", info.ram_size / 1024u, " KiB\n");

  for (int32_t i = 0; i < kOutputs * kInputs; ++i) weights[i] = static_cast<int8_t>((i * 37) % 255 - 127);
  for (int32_t i = 0; i < kInputs; ++i) input[i] = static_cast<int8_t>(i * 3 - 96);
  const float scale = 0.02f;
  tinyrt::FullyConnectedParams params;
  int32_t multiplier, shift;
  if (tinyrt::fully_connected_s8_prepare(tinyrt::FusedActivation::kRelu, kInputs, {0.05f, 0}, kOutputs, kInputs,
                                         &scale, 1, kOutputs, {0.5f, -128}, &multiplier, &shift,
                                         &params) != tinyrt::KernelStatus::kOk)
    return 1;

  constexpr uint32_t kDemcr = 0xE000EDFCu, kDwtCtrl = 0xE0001000u, kDwtCyccnt = 0xE0001004u;
  dwt(kDemcr) |= 1u << 24;  // TRCENA
  dwt(kDwtCtrl) |= 1u;      // CYCCNTENA
  const uint32_t start = dwt(kDwtCyccnt);
  tinyrt::fully_connected_s8(params, input, weights, bias, output);
  const uint32_t cycles = dwt(kDwtCyccnt) - start;

  const uint32_t hundredths = cycles * 100u / (kInputs * kOutputs);
  print_number("  FC 64x32     ", cycles, " cycles, ");
  print_number("", hundredths / 100u, ".");
  print_number(hundredths % 100u < 10u ? "0" : "", hundredths % 100u, " cycles per MAC\n");
  return 0;
}
