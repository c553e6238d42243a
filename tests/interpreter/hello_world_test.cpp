// TFLite Micro's hello_world model (3 FULLY_CONNECTED layers, int8) learnt y = sin(x)
// on [0, 2*pi]: run through the interpreter, its dequantised output must follow sin.
#include <gtest/gtest.h>

#include <cmath>

#include "interpreter/interpreter.h"
#include "model_file.h"

namespace {

TEST(HelloWorld, PredictsSineAcrossItsTrainingRange) {
  const auto model = tinysim::test::shared_model("tflm_hello_world_int8.tflite");
  ASSERT_FALSE(model.empty());
  alignas(16) static uint8_t arena[8 * 1024];
  tinyrt::Interpreter interpreter;
  ASSERT_TRUE(interpreter.init(model.data(), model.size(), arena, sizeof arena)) << interpreter.error().message;
  tinyrt::Tensor& in = interpreter.input(0);
  const tinyrt::Tensor& out = interpreter.output(0);
  ASSERT_EQ(in.bytes, 1u);
  ASSERT_EQ(out.bytes, 1u);

  double worst = 0;
  for (int step = 0; step <= 40; ++step) {
    const double x = 2 * M_PI * step / 40;
    const long q = std::lround(x / in.quant.scale) + in.quant.zero_point;
    in.as<int8_t>()[0] = static_cast<int8_t>(std::max(-128L, std::min(127L, q)));
    interpreter.invoke();
    const double y = static_cast<double>(out.quant.scale) * static_cast<double>(out.as<int8_t>()[0] - out.quant.zero_point);
    worst = std::max(worst, std::fabs(y - std::sin(x)));
  }
  // The published model fits sin to about 0.1; int8 steps add about one output LSB.
  EXPECT_LT(worst, 0.2) << "worst |y - sin(x)| over [0, 2pi]";
}

}  // namespace
