#pragma once
// The firmware's small hardware interface: what the application needs from a board.
// tinysim_hal.cpp implements it on TinySim's virtual peripherals
// (docs/firmware-interface.md); a real board would implement the same functions.
#include <stddef.h>
#include <stdint.h>

namespace tinyrt::hal {

/// What the host machine reports at boot.
struct MachineInfo {
  uint32_t clock_hz;
  uint32_t ram_base;
  uint32_t ram_size;
  uint32_t model_addr;  ///< model partition in flash, 0 when no model was loaded
  uint32_t model_size;
  uint32_t mode;        ///< TS_MODE_SCENARIO or TS_MODE_TENSOR
  uint32_t stack_size;  ///< bytes kept for the stack at the top of RAM
};

MachineInfo machine_info();
uint32_t config_word(unsigned index);

void console_write(const char* text);

// Sensor stream: frames of `channels` int16 values.
void sensor_start(uint32_t window_frames, bool irq);
uint32_t sensor_channels();
/// Sensor frame rate in milli-hertz.
uint32_t sensor_rate_mhz();
bool sensor_window_ready();
bool sensor_ended();
/// Copies the oldest `frames` frames into `dst`, then drops `stride` of them.
void sensor_take_window(int16_t* dst, uint32_t frames, uint32_t stride);

/// Sleeps (WFI) until an event; deep selects SCB SLEEPDEEP.
void sleep_until_event(bool deep);

// Tensor mode: the host feeds raw input tensors.
enum class InputStatus : uint32_t { kNone = 0, kCopied = 1, kSizeMismatch = 2 };
InputStatus input_next(void* dst, uint32_t bytes);

// Results and errors.
void publish_result(int32_t predicted_class, const void* output, uint32_t bytes);
/// Sets the score (Q16.16) every later result carries; call before publish_result.
void set_result_score(uint32_t score);
/// Sets the raw argmax every later result carries beside its decided class.
void set_result_raw_class(int32_t raw_class);
void publish_error(uint32_t code, uint32_t arg, const char* message);

// Profile markers: exact cycles per inference and per op on the simulated clock.
void profile_inference(bool begin, uint32_t index);
void profile_features(bool begin, uint32_t index);
void profile_op(bool begin, uint32_t op_code, uint32_t op_index);
void profile_arena(uint32_t base, uint32_t persistent, uint32_t activations, uint32_t scratch);

}  // namespace tinyrt::hal
