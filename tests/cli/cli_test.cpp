// Runs the built `tinysim` binary: what a user or CI script sees.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "cli_runner.h"

namespace {

using Outcome = tinysim::test::CliOutcome;
Outcome run(const std::string& args) { return tinysim::test::run_cli(args); }

const std::string kModels = std::string(TINYSIM_SHARED_DIR) + "/models/";

TEST(Cli, UnknownCommandIsBadInput) {
  const Outcome o = run("frobnicate");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.out.find("unknown command 'frobnicate'"), std::string::npos) << o.out;
}

TEST(Cli, DevicesListsTheShippedChips) {
  const Outcome o = run("devices");
  EXPECT_EQ(o.exit_code, 0) << o.out;
  for (const char* name : {"nrf52840", "stm32l4r5zi", "samd21g18", "rp2040", "stm32u585ai"})
    EXPECT_NE(o.out.find(name), std::string::npos) << name;
}

TEST(Cli, RunReturnsTheFirmwaresExitCode) {
  const Outcome o =
      run("run " + std::string(TINYSIM_TEST_FIRMWARE_DIR) + "/cortex-m4/smoke-00000000-20000000.elf --device nrf52840");
  EXPECT_EQ(o.exit_code, 42) << o.out;
  EXPECT_NE(o.out.find("smoke: hello from TinySim"), std::string::npos) << o.out;
}

TEST(Cli, MissingModelFileNamesIt) {
  const Outcome o = run("model inspect /nonexistent/model.tflite");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.out.find("/nonexistent/model.tflite: cannot open the file"), std::string::npos) << o.out;
}

TEST(Cli, CorruptModelIsRefusedWithWhereAndWhat) {
  std::ifstream in(kModels + "tflm_hello_world_int8.tflite", std::ios::binary);
  ASSERT_TRUE(in.good()) << "needs ../shared/models";
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  const std::string path = testing::TempDir() + "/truncated.tflite";
  std::ofstream(path, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  const Outcome o = run("model inspect " + path);
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.out.find(path + ": "), std::string::npos) << o.out;
}

TEST(Cli, InspectSaysWhenAModelDoesNotFit) {
  const Outcome o = run("model inspect " + kModels + "mlperf_tiny_vww_96_int8.tflite --device samd21g18");
  EXPECT_EQ(o.exit_code, 1) << o.out;
  EXPECT_NE(o.out.find("Fits samd21g18: NO"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("samd21g18 has 256 KiB"), std::string::npos) << o.out;
}

TEST(Cli, BenchJsonIsByteIdenticalForTheSameSeed) {
  const std::string args = "model bench " + kModels + "tflm_hello_world_int8.tflite --device rp2040 --runs 3 --seed 7 --json";
  const Outcome a = run(args);
  const Outcome b = run(args);
  ASSERT_EQ(a.exit_code, 0) << a.out;
  EXPECT_EQ(a.out, b.out);
  EXPECT_NE(a.out.find("\"bit_exact\": true"), std::string::npos) << a.out;
  EXPECT_NE(a.out.find("\"tinysim_report\": \"model-bench\""), std::string::npos);
}

TEST(Cli, BadOptionValueIsBadInput) {
  const Outcome o = run("model bench " + kModels + "tflm_hello_world_int8.tflite --device rp2040 --runs many");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.out.find("--runs expects a positive whole number"), std::string::npos) << o.out;
}

}  // namespace
