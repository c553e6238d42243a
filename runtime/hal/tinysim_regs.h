// TinySim virtual peripheral register map: the one contract between the firmware
// (runtime/) and the emulator (simulator/peripherals/). docs/firmware-interface.md
// describes each register; change both together. Plain C so any firmware can use it.
#ifndef TINYSIM_REGS_H
#define TINYSIM_REGS_H

#include <stdint.h>

#define TS_BASE 0x4F000000u   // one 4 KiB block, the same on every device
#define TS_BLOCK_SIZE 0x1000u

// Block offsets inside TS_BASE.
#define TS_SYSINFO_BASE (TS_BASE + 0x000u)
#define TS_CONSOLE_BASE (TS_BASE + 0x100u)
#define TS_POWER_BASE (TS_BASE + 0x200u)
#define TS_SENSOR_BASE (TS_BASE + 0x300u)
#define TS_RESULT_BASE (TS_BASE + 0x400u)
#define TS_PROFILE_BASE (TS_BASE + 0x500u)
#define TS_INPUT_BASE (TS_BASE + 0x600u)
#define TS_CONFIG_BASE (TS_BASE + 0x700u)

// SYSINFO (read-only): what the host tells the firmware about the machine.
#define TS_SYSINFO_ID 0x00u          // 'TSIM' = 0x4D495354
#define TS_SYSINFO_VERSION 0x04u     // register map version, TS_REGS_VERSION
#define TS_SYSINFO_CLOCK_HZ 0x08u    // core clock
#define TS_SYSINFO_RAM_BASE 0x0Cu    // main RAM: the SRAM bank the firmware links to + the banks adjacent to it
#define TS_SYSINFO_RAM_SIZE 0x10u
#define TS_SYSINFO_MODEL_ADDR 0x14u  // model partition in flash (0 = no model)
#define TS_SYSINFO_MODEL_SIZE 0x18u  // bytes of .tflite in the partition
#define TS_SYSINFO_MODE 0x1Cu        // TS_MODE_*
#define TS_SYSINFO_STACK_SIZE 0x20u  // bytes the firmware keeps for its stack below RAM end

#define TS_ID_VALUE 0x4D495354u
#define TS_REGS_VERSION 1u
#define TS_MODE_SCENARIO 0u  // sensor windows -> features -> inference, forever
#define TS_MODE_TENSOR 1u    // host feeds raw input tensors through INPUT until none are left

// CONSOLE: bytes written to TXDATA appear on the run's console.
#define TS_CONSOLE_TXDATA 0x00u  // write: one byte

// POWER: WFI sleeps; SCB->SCR.SLEEPDEEP selects deep sleep (standard Cortex-M).
#define TS_POWER_STATE 0x00u        // read: TS_POWER_RUN/SLEEP/DEEP_SLEEP (always RUN when read)
#define TS_POWER_WAKE_REASON 0x04u  // read: TS_WAKE_* bits latched since the last read (read clears)
#define TS_POWER_TIMER_US 0x08u     // write: one-shot wake-up this many µs after the write (0 = off)
#define TS_POWER_RUN 0u
#define TS_POWER_SLEEP 1u
#define TS_POWER_DEEP_SLEEP 2u
#define TS_WAKE_SENSOR (1u << 0)
#define TS_WAKE_TIMER (1u << 1)
#define TS_WAKE_SYSTICK (1u << 2)
#define TS_WAKE_END (1u << 3)  // the scenario is over: the firmware should finish
#define TS_POWER_TIMER_IRQ 1u  // external interrupt number of the wake-up timer (exception 16 + 1)

// SENSOR: a FIFO of frames (one int16 per channel) filled at the sensor rate in
// simulated time, and a DMA that copies frames into RAM.
#define TS_SENSOR_CTRL 0x00u       // bit0 enable sampling, bit1 window-ready IRQ enable
#define TS_SENSOR_STATUS 0x04u     // bit0 window ready (WINDOW > 0, LEVEL >= WINDOW), bit1 overflow seen (sticky), bit2 stream ended
#define TS_SENSOR_CHANNELS 0x08u   // read: channels per frame
#define TS_SENSOR_RATE_MHZ 0x0Cu   // read: frame rate in milli-hertz
#define TS_SENSOR_LEVEL 0x10u      // read: frames in the FIFO
#define TS_SENSOR_DEPTH 0x14u      // read: FIFO capacity in frames
#define TS_SENSOR_DROPPED 0x18u    // read: frames lost to overflow since start
#define TS_SENSOR_WINDOW 0x1Cu     // write: frames that make a window (ready threshold)
#define TS_SENSOR_DMA_ADDR 0x20u   // write: RAM destination
#define TS_SENSOR_DMA_FRAMES 0x24u // write: frames to copy (int16 x channels each)
#define TS_SENSOR_DMA_START 0x28u  // write 1: copy now, pop them from the FIFO; read: frames copied
#define TS_SENSOR_DISCARD 0x2Cu    // write n: drop n oldest frames (window stride < window)
#define TS_SENSOR_PEEK 0x30u       // write: copy without popping when 1 (sliding windows)
#define TS_SENSOR_CTRL_ENABLE (1u << 0)
#define TS_SENSOR_CTRL_IRQ (1u << 1)
#define TS_SENSOR_STATUS_READY (1u << 0)
#define TS_SENSOR_STATUS_OVERFLOW (1u << 1)
#define TS_SENSOR_STATUS_ENDED (1u << 2)
#define TS_SENSOR_IRQ 0u  // external interrupt number (exception 16 + 0)

// RESULT mailbox: the firmware publishes each inference and each error here.
#define TS_RESULT_CLASS 0x00u     // write: predicted class index (-1 = none)
#define TS_RESULT_DATA_ADDR 0x04u // write: address of the output tensor bytes in RAM
#define TS_RESULT_DATA_LEN 0x08u  // write: length in bytes
#define TS_RESULT_COMMIT 0x0Cu    // write 1: publish (host copies DATA now)
#define TS_RESULT_ERROR 0x10u     // write: error code (TS_ERR_*), publishes an error
#define TS_RESULT_ERROR_ARG 0x14u // write before ERROR: detail (op index, bytes needed, ...)
#define TS_RESULT_ERROR_MSG 0x18u // write before ERROR: address of a NUL-terminated message
#define TS_RESULT_SCORE 0x1Cu     // write before COMMIT: the result's score, Q16.16 (anomaly: reconstruction error)
#define TS_RESULT_NO_SCORE 0xFFFFFFFFu  // SCORE at reset: results carry no score
#define TS_RESULT_RAW_CLASS 0x20u // write before COMMIT: the window's raw argmax when CLASS is a decision
#define TS_RESULT_NO_RAW_CLASS 0x80000000u  // RAW_CLASS at reset: CLASS is the raw argmax itself
#define TS_ERR_NONE 0u
#define TS_ERR_MODEL_INVALID 1u
#define TS_ERR_MODEL_UNSUPPORTED 2u
#define TS_ERR_ARENA_TOO_SMALL 3u
#define TS_ERR_INPUT_MISMATCH 4u
#define TS_ERR_INTERNAL 5u

// PROFILE markers: exact cycles per op and per inference on the simulated clock.
#define TS_PROFILE_INFER_BEGIN 0x00u // write: inference number
#define TS_PROFILE_INFER_END 0x04u   // write: inference number
#define TS_PROFILE_OP_BEGIN 0x08u    // write: (builtin op code << 16) | op index
#define TS_PROFILE_OP_END 0x0Cu      // write: op index
#define TS_PROFILE_ARENA_PERSISTENT 0x10u // write: bytes (once, after planning)
#define TS_PROFILE_ARENA_ACTIVATIONS 0x14u
#define TS_PROFILE_ARENA_SCRATCH 0x18u
#define TS_PROFILE_ARENA_BASE 0x1Cu  // write: arena start address
#define TS_PROFILE_FEATURES_BEGIN 0x20u // write: window number
#define TS_PROFILE_FEATURES_END 0x24u

// INPUT (TS_MODE_TENSOR): the host copies the next raw input tensor into RAM.
#define TS_INPUT_ADDR 0x00u     // write: destination in RAM
#define TS_INPUT_LEN 0x04u      // write: bytes the firmware's input tensor holds
#define TS_INPUT_REQUEST 0x08u  // write 1: copy the next input; read: 1 copied, 0 no input left, 2 size mismatch
#define TS_INPUT_COUNT 0x0Cu    // read: inputs the host holds in total
#define TS_INPUT_NONE_LEFT 0u      // REQUEST status: every input was handed out
#define TS_INPUT_COPIED 1u         // REQUEST status: the next input is in RAM at ADDR
#define TS_INPUT_SIZE_MISMATCH 2u  // REQUEST status: that input's size != LEN; it was skipped
#define TS_INPUT_BAD_ADDRESS 3u    // REQUEST status: ADDR..ADDR+LEN is not RAM; nothing copied

// CONFIG (read-only words): the scenario's firmware settings, e.g. the feature
// pipeline. Word meanings are in docs/firmware-interface.md.
#define TS_CONFIG_WORDS 64u
#define TS_CONFIG_FEATURE_KIND 0x00u   // TS_FEATURES_*
#define TS_CONFIG_WINDOW_FRAMES 0x04u  // sensor frames per window
#define TS_CONFIG_STRIDE_FRAMES 0x08u  // frames between window starts (<= window)
#define TS_CONFIG_FFT_SIZE 0x0Cu       // log-mel, MFCC: FFT length in frames (power of 2)
#define TS_CONFIG_HOP_FRAMES 0x10u     // log-mel, MFCC: frames between FFT frames
#define TS_CONFIG_MEL_BANDS 0x14u      // log-mel, MFCC: mel filter bands
#define TS_CONFIG_MFCC_COEFFS 0x18u    // MFCC: cepstral coefficients kept
#define TS_CONFIG_ANOMALY_THRESHOLD 0x1Cu  // Q16.16 reconstruction error above which a result is class 1; 0 = classify
#define TS_CONFIG_NORMALIZATION 0x20u  // normalised: 16 words, one per channel: offset (int16) | shift << 16
#define TS_CONFIG_NORMALIZATION_WORDS 16u
#define TS_CONFIG_DECISION_WINDOWS 0x60u    // keyword decision: windows averaged, 1..16; 0 = publish the raw argmax
#define TS_CONFIG_DECISION_THRESHOLD 0x64u  // average real class score a keyword needs, Q16.16
#define TS_CONFIG_DECISION_SUPPRESS 0x68u   // windows after a detection that cannot detect
#define TS_CONFIG_DECISION_KEYWORDS 0x6Cu   // bit c: class c is a keyword
#define TS_CONFIG_IDLE_SLEEP 0x70u  // between windows: 0 deep sleep (SLEEPDEEP; the default), 1 sleep (clocks on)
#define TS_FEATURES_RAW 0u         // the window itself, quantised by the model's input scale/zero point
#define TS_FEATURES_STATISTICS 1u  // per-channel windowed statistics
#define TS_FEATURES_LOG_MEL 2u     // log-mel spectrogram
#define TS_FEATURES_MFCC 3u        // MFCC
#define TS_FEATURES_NORMALIZED 4u  // per-channel (x - offset) / 2^shift, Q8

#define TS_REG(block, off) (*(volatile uint32_t*)((block) + (off)))

#endif
