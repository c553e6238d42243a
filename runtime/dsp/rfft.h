#pragma once
#include <stdint.h>

#include "dsp/dsp_status.h"

namespace tinyrt {

/// A real FFT size, checked once.
struct RfftSetup {
  uint32_t n = 0;  ///< 64..1024, a power of two
  uint32_t log2n = 0;
};

DspStatus rfft_init(RfftSetup& setup, uint32_t n);

/// Int32 entries the output holds: n/2 + 1 complex bins, re/im interleaved.
constexpr uint32_t rfft_output_length(uint32_t n) { return n + 2u; }
/// Working memory beyond the output buffer: none, the transform runs in it.
constexpr uint32_t rfft_scratch_bytes(uint32_t /*n*/) { return 0; }

/// Real FFT of n int16 samples: an n/2-point complex FFT (radix-2, decimation
/// in time) on the even/odd samples, then the split step. Data are int32
/// (input << 14) with Q15 twiddles and 64-bit products; block floating point:
/// before each of the log2(n) stages the block is shifted right by 0..2 bits
/// (rounded) so no butterfly can overflow. The shifts give the block exponent e:
///   sum_t in[t] e^(-2 pi i k t / n)  ~=  (out[2k] + i out[2k+1]) * 2^e,
/// k = 0..n/2 (out[1] and out[n+1] are 0). e starts at -14.
int32_t rfft_q15(const RfftSetup& setup, const int16_t* in, int32_t* out);

/// The same transform for int32 samples (24-bit audio, accumulated sensor
/// data): the block is first shifted right just enough to fit the stage limit,
/// so e starts at 0..2 instead of -14. For in[t] = x[t] << 14 it writes
/// exactly what rfft_q15 writes for x, with e 14 higher. out may be in.
int32_t rfft_s32(const RfftSetup& setup, const int32_t* in, int32_t* out);

}  // namespace tinyrt
