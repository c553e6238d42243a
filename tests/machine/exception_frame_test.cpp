// The exception frame layout and EXC_RETURN values (Armv7-M B1.5.6-B1.5.8), and
// the FP context registers of the SCB.
#include <gtest/gtest.h>

#include "machine/exception_frame.h"
#include "machine/system_control.h"

namespace tinysim {
namespace {

TEST(ExceptionFrame, BasicFrameIsEightWordsBelowAnAlignedSp) {
  const ExceptionFrame frame = exception_frame(0x20001000u, false);
  EXPECT_EQ(frame.address, 0x20000FE0u);
  EXPECT_EQ(frame.bytes, 32u);
  EXPECT_FALSE(frame.extended);
  EXPECT_FALSE(frame.realigned);
  EXPECT_EQ(popped_sp(frame.address, false, 0), 0x20001000u);
}

TEST(ExceptionFrame, ExtendedFrameIs26WordsAndRealignsAnSpThatIsNot8ByteAligned) {
  const ExceptionFrame frame = exception_frame(0x20001004u, true);
  EXPECT_EQ(frame.bytes, 0x68u);
  EXPECT_TRUE(frame.extended);
  EXPECT_TRUE(frame.realigned);
  EXPECT_EQ(frame.address, 0x20000F98u);  // 0x20001004 - 0x68 = 0x20000F9C, down to 8 bytes
  EXPECT_EQ(popped_sp(frame.address, true, kXpsrRealigned), 0x20001004u);
}

TEST(ExceptionFrame, ExcReturnValues) {
  EXPECT_EQ(exc_return_value(false, false, false), 0xFFFFFFF9u);
  EXPECT_EQ(exc_return_value(false, true, false), 0xFFFFFFFDu);
  EXPECT_EQ(exc_return_value(true, false, false), 0xFFFFFFF1u);
  EXPECT_EQ(exc_return_value(false, false, true), 0xFFFFFFE9u);
  EXPECT_EQ(exc_return_value(false, true, true), 0xFFFFFFEDu);
  EXPECT_EQ(exc_return_value(true, false, true), 0xFFFFFFE1u);
  EXPECT_TRUE(valid_exc_return(0xFFFFFFE9u, true));
  EXPECT_FALSE(valid_exc_return(0xFFFFFFE9u, false));  // no FP state without an FPU
  EXPECT_FALSE(valid_exc_return(0xFFFFFFF5u, true));
  EXPECT_FALSE(valid_exc_return(0xFFFFFFEBu, true));
}

TEST(SystemControlFp, FpccrResetsToAutomaticAndLazyStackingAndOnlyLspenIsWritable) {
  Nvic nvic;
  SystemControl scs(CoreKind::CortexM4, nvic, 0x08000000u);
  EXPECT_EQ(scs.read(0xF34, 4), 0xC0000000u);  // ASPEN | LSPEN
  EXPECT_TRUE(scs.lazy_stacking());
  scs.write(0xF34, 4, 0x00000001u);  // clear LSPEN and ASPEN, try LSPACT
  EXPECT_EQ(scs.read(0xF34, 4), 0x80000000u);
  EXPECT_FALSE(scs.lazy_stacking());
  scs.set_fp_frame(0x20000FBCu);
  EXPECT_EQ(scs.read(0xF38, 4), 0x20000FB8u);  // FPCAR bits 2:0 read as zero
}

TEST(SystemControlFp, NoFpRegistersAndNoMpuOnAnM3) {
  Nvic nvic;
  SystemControl scs(CoreKind::CortexM3, nvic, 0x08000000u);
  EXPECT_EQ(scs.read(0xF34, 4), 0u);
  EXPECT_EQ(scs.read(0xD90, 4), 0u);  // MPU_TYPE.DREGION = 0
}

}  // namespace
}  // namespace tinysim
