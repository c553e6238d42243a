// The HAL on TinySim's virtual peripherals (register map: hal/tinysim_regs.h).
#include "hal/hal.h"

#include "hal/tinysim_regs.h"

namespace tinyrt::hal {
namespace {

constexpr uint32_t kScbScr = 0xE000ED10u;
constexpr uint32_t kScrSleepDeep = 1u << 2;
constexpr uint32_t kNvicIser0 = 0xE000E100u;
constexpr uint32_t kNvicIcpr0 = 0xE000E280u;

inline volatile uint32_t& word(uint32_t address) { return *reinterpret_cast<volatile uint32_t*>(address); }

inline volatile uint32_t& reg(uint32_t block, uint32_t offset) { return TS_REG(block, offset); }

}  // namespace

MachineInfo machine_info() {
  MachineInfo info{};
  info.clock_hz = reg(TS_SYSINFO_BASE, TS_SYSINFO_CLOCK_HZ);
  info.ram_base = reg(TS_SYSINFO_BASE, TS_SYSINFO_RAM_BASE);
  info.ram_size = reg(TS_SYSINFO_BASE, TS_SYSINFO_RAM_SIZE);
  info.model_addr = reg(TS_SYSINFO_BASE, TS_SYSINFO_MODEL_ADDR);
  info.model_size = reg(TS_SYSINFO_BASE, TS_SYSINFO_MODEL_SIZE);
  info.mode = reg(TS_SYSINFO_BASE, TS_SYSINFO_MODE);
  info.stack_size = reg(TS_SYSINFO_BASE, TS_SYSINFO_STACK_SIZE);
  return info;
}

uint32_t config_word(unsigned index) {
  return index < TS_CONFIG_WORDS ? reg(TS_CONFIG_BASE, 4u * index) : 0u;
}

void console_write(const char* text) {
  while (*text) reg(TS_CONSOLE_BASE, TS_CONSOLE_TXDATA) = static_cast<uint8_t>(*text++);
}

void sensor_start(uint32_t window_frames, bool irq) {
  if (irq) {
    // The IRQ only wakes WFI: with PRIMASK set no handler runs, the main loop polls.
    __asm__ volatile("cpsid i" ::: "memory");
    word(kNvicIser0) = 1u << TS_SENSOR_IRQ;
  }
  reg(TS_SENSOR_BASE, TS_SENSOR_WINDOW) = window_frames;
  reg(TS_SENSOR_BASE, TS_SENSOR_CTRL) = TS_SENSOR_CTRL_ENABLE | (irq ? TS_SENSOR_CTRL_IRQ : 0u);
}

uint32_t sensor_channels() { return reg(TS_SENSOR_BASE, TS_SENSOR_CHANNELS); }

uint32_t sensor_rate_mhz() { return reg(TS_SENSOR_BASE, TS_SENSOR_RATE_MHZ); }

bool sensor_window_ready() {
  return (reg(TS_SENSOR_BASE, TS_SENSOR_STATUS) & TS_SENSOR_STATUS_READY) != 0;
}

bool sensor_ended() { return (reg(TS_SENSOR_BASE, TS_SENSOR_STATUS) & TS_SENSOR_STATUS_ENDED) != 0; }

void sensor_take_window(int16_t* dst, uint32_t frames, uint32_t stride) {
  reg(TS_SENSOR_BASE, TS_SENSOR_PEEK) = 1u;
  reg(TS_SENSOR_BASE, TS_SENSOR_DMA_ADDR) = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(dst));
  reg(TS_SENSOR_BASE, TS_SENSOR_DMA_FRAMES) = frames;
  reg(TS_SENSOR_BASE, TS_SENSOR_DMA_START) = 1u;
  reg(TS_SENSOR_BASE, TS_SENSOR_DISCARD) = stride;
}

void sleep_until_event(bool deep) {
  volatile uint32_t& scr = word(kScbScr);
  scr = deep ? (scr | kScrSleepDeep) : (scr & ~kScrSleepDeep);
  __asm__ volatile("dsb\n\twfi" ::: "memory");
  word(kNvicIcpr0) = 0xFFFFFFFFu;  // the wake-up is handled by polling; clear what woke us
}

InputStatus input_next(void* dst, uint32_t bytes) {
  reg(TS_INPUT_BASE, TS_INPUT_ADDR) = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(dst));
  reg(TS_INPUT_BASE, TS_INPUT_LEN) = bytes;
  reg(TS_INPUT_BASE, TS_INPUT_REQUEST) = 1u;
  return static_cast<InputStatus>(reg(TS_INPUT_BASE, TS_INPUT_REQUEST));
}

void publish_result(int32_t predicted_class, const void* output, uint32_t bytes) {
  reg(TS_RESULT_BASE, TS_RESULT_CLASS) = static_cast<uint32_t>(predicted_class);
  reg(TS_RESULT_BASE, TS_RESULT_DATA_ADDR) = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(output));
  reg(TS_RESULT_BASE, TS_RESULT_DATA_LEN) = bytes;
  reg(TS_RESULT_BASE, TS_RESULT_COMMIT) = 1u;
}

void set_result_score(uint32_t score) { reg(TS_RESULT_BASE, TS_RESULT_SCORE) = score; }

void set_result_raw_class(int32_t raw_class) {
  reg(TS_RESULT_BASE, TS_RESULT_RAW_CLASS) = static_cast<uint32_t>(raw_class);
}

void publish_error(uint32_t code, uint32_t arg, const char* message) {
  reg(TS_RESULT_BASE, TS_RESULT_ERROR_ARG) = arg;
  reg(TS_RESULT_BASE, TS_RESULT_ERROR_MSG) = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(message));
  reg(TS_RESULT_BASE, TS_RESULT_ERROR) = code;
}

void profile_inference(bool begin, uint32_t index) {
  reg(TS_PROFILE_BASE, begin ? TS_PROFILE_INFER_BEGIN : TS_PROFILE_INFER_END) = index;
}

void profile_features(bool begin, uint32_t index) {
  reg(TS_PROFILE_BASE, begin ? TS_PROFILE_FEATURES_BEGIN : TS_PROFILE_FEATURES_END) = index;
}

void profile_op(bool begin, uint32_t op_code, uint32_t op_index) {
  if (begin) {
    reg(TS_PROFILE_BASE, TS_PROFILE_OP_BEGIN) = (op_code << 16) | (op_index & 0xFFFFu);
  } else {
    reg(TS_PROFILE_BASE, TS_PROFILE_OP_END) = op_index;
  }
}

void profile_arena(uint32_t base, uint32_t persistent, uint32_t activations, uint32_t scratch) {
  reg(TS_PROFILE_BASE, TS_PROFILE_ARENA_BASE) = base;
  reg(TS_PROFILE_BASE, TS_PROFILE_ARENA_PERSISTENT) = persistent;
  reg(TS_PROFILE_BASE, TS_PROFILE_ARENA_ACTIVATIONS) = activations;
  reg(TS_PROFILE_BASE, TS_PROFILE_ARENA_SCRATCH) = scratch;
}

}  // namespace tinyrt::hal
