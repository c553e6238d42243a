#pragma once
/// The ARMv7E-M DSP instructions the fast kernels use (Arm v7-M ARM, A7.7): real
/// instructions on cores with the DSP extension, exact C emulations elsewhere so the
/// same kernels run on the host and on M0+/M3 and can be checked bit for bit.
#include <stdint.h>

namespace tinyrt {
namespace dsp {

/// Unaligned 32-bit load of four int8 (LDR allows unaligned access on v7-M). The
/// builtin, because -ffreestanding would otherwise turn memcpy into a call.
inline uint32_t load_s8x4(const int8_t* p) {
  uint32_t v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}

#if defined(__ARM_FEATURE_DSP) && __ARM_FEATURE_DSP

/// SXTB16: bytes 0 and 2 sign-extended into the two halfwords.
inline uint32_t sxtb16(uint32_t x) {
  uint32_t r;
  __asm__("sxtb16 %0, %1" : "=r"(r) : "r"(x));
  return r;
}
/// SXTB16 with ROR #8: bytes 1 and 3.
inline uint32_t sxtb16_ror8(uint32_t x) {
  uint32_t r;
  __asm__("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(x));
  return r;
}
/// SXTAB16: halfwords of a plus sign-extended bytes 0 and 2 of x (mod 2^16 each).
inline uint32_t sxtab16(uint32_t a, uint32_t x) {
  uint32_t r;
  __asm__("sxtab16 %0, %1, %2" : "=r"(r) : "r"(a), "r"(x));
  return r;
}
/// SXTAB16 with ROR #8: halfwords of a plus bytes 1 and 3 of x.
inline uint32_t sxtab16_ror8(uint32_t a, uint32_t x) {
  uint32_t r;
  __asm__("sxtab16 %0, %1, %2, ror #8" : "=r"(r) : "r"(a), "r"(x));
  return r;
}
/// SMLAD: acc + x.lo * y.lo + x.hi * y.hi (signed halfwords, wrapping).
inline int32_t smlad(uint32_t x, uint32_t y, int32_t acc) {
  int32_t r;
  __asm__("smlad %0, %1, %2, %3" : "=r"(r) : "r"(x), "r"(y), "r"(acc));
  return r;
}
/// SMLABB: acc + x.lo * y.lo.
inline int32_t smlabb(uint32_t x, uint32_t y, int32_t acc) {
  int32_t r;
  __asm__("smlabb %0, %1, %2, %3" : "=r"(r) : "r"(x), "r"(y), "r"(acc));
  return r;
}
/// SMLATT: acc + x.hi * y.hi.
inline int32_t smlatt(uint32_t x, uint32_t y, int32_t acc) {
  int32_t r;
  __asm__("smlatt %0, %1, %2, %3" : "=r"(r) : "r"(x), "r"(y), "r"(acc));
  return r;
}
/// SSAT #8: saturate to [-128, 127].
inline int32_t ssat8(int32_t x) {
  int32_t r;
  __asm__("ssat %0, #8, %1" : "=r"(r) : "r"(x));
  return r;
}

#else

inline int32_t lo16(uint32_t x) { return static_cast<int16_t>(static_cast<uint16_t>(x & 0xFFFFu)); }
inline int32_t hi16(uint32_t x) { return static_cast<int16_t>(static_cast<uint16_t>(x >> 16)); }
inline int32_t byte_s(uint32_t x, int n) { return static_cast<int8_t>(static_cast<uint8_t>(x >> (8 * n))); }
inline uint32_t pack16(int32_t lo, int32_t hi) {
  return (static_cast<uint32_t>(lo) & 0xFFFFu) | ((static_cast<uint32_t>(hi) & 0xFFFFu) << 16);
}
inline uint32_t sxtb16(uint32_t x) { return pack16(byte_s(x, 0), byte_s(x, 2)); }
inline uint32_t sxtb16_ror8(uint32_t x) { return pack16(byte_s(x, 1), byte_s(x, 3)); }
inline uint32_t sxtab16(uint32_t a, uint32_t x) { return pack16(lo16(a) + byte_s(x, 0), hi16(a) + byte_s(x, 2)); }
inline uint32_t sxtab16_ror8(uint32_t a, uint32_t x) {
  return pack16(lo16(a) + byte_s(x, 1), hi16(a) + byte_s(x, 3));
}
inline int32_t wrap(uint32_t v) { return static_cast<int32_t>(v); }
inline int32_t smlad(uint32_t x, uint32_t y, int32_t acc) {
  return wrap(static_cast<uint32_t>(acc) + static_cast<uint32_t>(lo16(x) * lo16(y)) +
              static_cast<uint32_t>(hi16(x) * hi16(y)));
}
inline int32_t smlabb(uint32_t x, uint32_t y, int32_t acc) {
  return wrap(static_cast<uint32_t>(acc) + static_cast<uint32_t>(lo16(x) * lo16(y)));
}
inline int32_t smlatt(uint32_t x, uint32_t y, int32_t acc) {
  return wrap(static_cast<uint32_t>(acc) + static_cast<uint32_t>(hi16(x) * hi16(y)));
}
inline int32_t ssat8(int32_t x) { return x < -128 ? -128 : (x > 127 ? 127 : x); }

#endif

/// Two copies of a 16-bit value, for SXTAB16's per-halfword add (the input offset).
inline uint32_t dup16(int32_t v) { return (static_cast<uint32_t>(v) & 0xFFFFu) * 0x00010001u; }

}  // namespace dsp
}  // namespace tinyrt
