// The arena limit is enforced with a message saying what is needed.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "interpreter/interpreter.h"
#include "model_file.h"

namespace {

TEST(Arena, TooSmallSaysHowManyBytesAreNeeded) {
  const auto model = tinysim::test::shared_model("mlperf_tiny_ad01_int8.tflite");
  ASSERT_FALSE(model.empty());
  std::vector<uint8_t> big(256 * 1024);
  tinyrt::Interpreter fits;
  ASSERT_TRUE(fits.init(model.data(), model.size(), big.data(), static_cast<uint32_t>(big.size())))
      << fits.error().message;
  const uint32_t needed = fits.arena_bytes_needed();
  EXPECT_GE(needed, fits.arena_report().persistent_bytes + fits.arena_report().planned_bytes);

  // Exactly the reported figure is enough; one byte less is refused with figures.
  alignas(16) static uint8_t exact[256 * 1024];
  tinyrt::Interpreter just_fits;
  EXPECT_TRUE(just_fits.init(model.data(), model.size(), exact, needed)) << just_fits.error().message;
  tinyrt::Interpreter starved;
  ASSERT_FALSE(starved.init(model.data(), model.size(), exact, needed - 1));
  EXPECT_EQ(starved.error().status, tinyrt::RunStatus::kArenaTooSmall);
  EXPECT_GT(starved.error().detail, 0u);
  EXPECT_NE(std::string(starved.error().message).find("bytes"), std::string::npos) << starved.error().message;

  // Far too small even to plan: still a clear refusal with a byte count.
  tinyrt::Interpreter tiny;
  ASSERT_FALSE(tiny.init(model.data(), model.size(), exact, 2048));
  EXPECT_EQ(tiny.error().status, tinyrt::RunStatus::kArenaTooSmall);
  EXPECT_GT(tiny.error().detail, 0u);
  EXPECT_NE(std::string(tiny.error().message).find("bytes"), std::string::npos) << tiny.error().message;
}

}  // namespace
