// A CoreMark-like integer workload (TinySim's own code, not CoreMark): list
// processing, a small matrix multiply, a text-scanning state machine and a CRC,
// chained so each iteration depends on the last. Plain C with fixed-width types
// so the firmware on every core and the host build give the same checksum.
#ifndef TINYSIM_INT_WORKLOAD_H
#define TINYSIM_INT_WORKLOAD_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The seed the firmware starts from (main.c: one warm-up iteration, then the timed ones).
#define WORKLOAD_SEED 0x1234u

/// One iteration of all four kernels from `seed`; returns the next seed (a CRC-16).
uint16_t workload_iteration(uint16_t seed);

/// `iterations` chained iterations from `seed`: the checksum every core must agree on.
uint16_t workload_run(uint16_t seed, uint32_t iterations);

#ifdef __cplusplus
}
#endif

#endif
