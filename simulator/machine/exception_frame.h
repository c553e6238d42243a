#pragma once
// The exception stack frame as Armv7-M (B1.5.6-B1.5.8) and Armv8-M define it:
// which frame an exception entry pushes, where, and the EXC_RETURN that says so.
#include <cstdint>

namespace tinysim {

inline constexpr uint32_t kControlSpsel = 1u << 1;  ///< thread mode runs on the PSP
inline constexpr uint32_t kControlFpca = 1u << 2;   ///< an FP context is active
inline constexpr uint32_t kControlSfpa = 1u << 3;   ///< Armv8-M: the FP context is Secure
inline constexpr uint32_t kXpsrRealigned = 1u << 9; ///< the frame was moved down 4 bytes
inline constexpr uint32_t kExcReturnBasicFrame = 1u << 4;  ///< EXC_RETURN.FType: no FP state stacked

/// Words of a frame: r0-r3, r12, lr, return address, xPSR; then, in the extended
/// frame, s0-s15, FPSCR and one reserved word.
inline constexpr unsigned kBasicFrameWords = 8;
inline constexpr unsigned kExtendedFrameWords = 26;
inline constexpr unsigned kFrameS0 = 8;      ///< word index of s0 in the extended frame
inline constexpr unsigned kFrameFpscr = 24;  ///< word index of FPSCR in the extended frame

/// Where the frame of an exception taken with stack pointer `sp` goes.
struct ExceptionFrame {
  uint32_t address = 0;  ///< the frame's lowest address: the SP the handler sees
  uint32_t bytes = 0;    ///< 0x20 basic, 0x68 extended
  bool extended = false;
  bool realigned = false;  ///< 4 bytes of padding above it (stacked xPSR bit 9)
};

/// The frame is 8-byte aligned (CCR.STKALIGN, always set on TinySim's cores).
inline ExceptionFrame exception_frame(uint32_t sp, bool fp_context) {
  ExceptionFrame frame;
  frame.extended = fp_context;
  frame.bytes = 4u * (fp_context ? kExtendedFrameWords : kBasicFrameWords);
  frame.realigned = (sp & 4u) != 0;
  frame.address = (sp - frame.bytes) & ~7u;
  return frame;
}

/// SP after popping a frame at `address`.
inline uint32_t popped_sp(uint32_t address, bool extended, uint32_t stacked_xpsr) {
  return address + 4u * (extended ? kExtendedFrameWords : kBasicFrameWords) +
         ((stacked_xpsr & kXpsrRealigned) ? 4u : 0u);
}

/// EXC_RETURN: 0xFFFFFFF1 back to a handler, 0xFFFFFFF9 to thread mode on the MSP,
/// 0xFFFFFFFD on the PSP; bit 4 clear (0xE1/0xE9/0xED) when the frame is extended.
inline uint32_t exc_return_value(bool to_handler, bool process_stack, bool extended) {
  const uint32_t value = to_handler ? 0xFFFFFFF1u : process_stack ? 0xFFFFFFFDu : 0xFFFFFFF9u;
  return extended ? value & ~kExcReturnBasicFrame : value;
}

/// True for the six EXC_RETURN values above (the extended ones only with an FPU).
inline bool valid_exc_return(uint32_t value, bool has_fpu) {
  const uint32_t basic = value | kExcReturnBasicFrame;
  if (basic != 0xFFFFFFF1u && basic != 0xFFFFFFF9u && basic != 0xFFFFFFFDu) return false;
  return has_fpu || (value & kExcReturnBasicFrame);
}

}  // namespace tinysim
