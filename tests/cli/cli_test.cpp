// Runs the built `tinysim` binary: what a user or CI script sees.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <utility>

#include <yaml-cpp/yaml.h>

#include "cli_runner.h"
#include "support/scratch.h"

namespace {

using Outcome = tinysim::test::CliOutcome;
Outcome run(const std::string& args) { return tinysim::test::run_cli(args); }

const std::string kModels = std::string(TINYSIM_SHARED_DIR) + "/models/";

TEST(Cli, UnknownCommandIsBadInput) {
  const Outcome o = run("frobnicate");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.out.find("unknown command 'frobnicate'"), std::string::npos) << o.out;
}

TEST(Cli, UnknownModelSubcommandIsNamed) {
  const Outcome o = run("model bnech model.tflite");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.out.find("unknown subcommand 'bnech' (inspect, bench, run, validate, train)"), std::string::npos) << o.out;
}

TEST(Cli, UnknownScenarioOptionIsNamedEvenLast) {
  const Outcome last = run("scenario missing.yaml --bogus");
  EXPECT_EQ(last.exit_code, 2);
  EXPECT_NE(last.out.find("unknown option '--bogus'"), std::string::npos) << last.out;
  const Outcome no_value = run("scenario missing.yaml --report");
  EXPECT_EQ(no_value.exit_code, 2);
  EXPECT_NE(no_value.out.find("--report expects a value"), std::string::npos) << no_value.out;
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

TEST(Cli, RunRefusesAnElfBuiltForAnotherCore) {
  // The shipped M4 hard-float test firmware on an M0+ chip: refused as scenarios refuse it.
  const std::string elf = std::string(TINYSIM_TEST_FIRMWARE_DIR) + "/cortex-m4/smoke-00000000-20000000.elf";
  const Outcome o = run("run " + elf + " --device samd21g18");
  EXPECT_EQ(o.exit_code, 2) << o.out;
  EXPECT_NE(o.out.find(elf + " does not run on samd21g18 (cortex-m0plus): it is built for Armv7E-M; a cortex-m0plus "
                       "runs Armv6-M code: rebuild with -mcpu=cortex-m0plus"),
            std::string::npos) << o.out;
  EXPECT_EQ(o.out.find("smoke: hello"), std::string::npos) << o.out;  // nothing ran
  // An Armv6-M ELF runs on an M4: the M4 runs Armv6-M code.
  const Outcome older =
      run("run " + std::string(TINYSIM_TEST_FIRMWARE_DIR) + "/cortex-m0plus/smoke-00000000-20000000.elf --device nrf52840");
  EXPECT_EQ(older.exit_code, 42) << older.out;
}

TEST(Cli, RunRefusesFloatingPointTheCoresFpuLacks) {
  // The M7 build (-mfpu=fpv5-sp-d16: FPv5 instructions) on the nRF52840's FPv4-SP: refused up front.
  const std::string m7 = std::string(TINYSIM_TEST_FIRMWARE_DIR) + "/cortex-m7/smoke-00000000-20000000.elf";
  const Outcome o = run("run " + m7 + " --device nrf52840");
  EXPECT_EQ(o.exit_code, 2) << o.out;
  EXPECT_NE(o.out.find(m7 + " does not run on nrf52840 (cortex-m4): it is built for -mfpu=fpv5-sp-d16 (single "
                            "precision); a cortex-m4 has FPv4-SP (single precision only): rebuild with "
                            "-mcpu=cortex-m4 -mfpu=fpv4-sp-d16"),
            std::string::npos) << o.out;
  EXPECT_EQ(o.out.find("smoke: hello"), std::string::npos) << o.out;
  // The M4 build (FPv4-SP) runs on the M33's FPv5-SP and the M7's FPv5: FPv5 has every FPv4 instruction.
  const std::string m4 = std::string(TINYSIM_TEST_FIRMWARE_DIR) + "/cortex-m4/smoke-08000000-20000000.elf";
  for (const char* device : {"stm32u585ai", "stm32f746ng"}) {
    const Outcome ran = run("run " + m4 + " --device " + device);
    EXPECT_EQ(ran.exit_code, 42) << device << ": " << ran.out;
  }
}

TEST(Cli, MissingModelFileNamesIt) {
  const Outcome o = run("model inspect /nonexistent/model.tflite");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.out.find("/nonexistent/model.tflite: cannot open the file"), std::string::npos) << o.out;
}

/// The first `length` bytes of a shared model, written to the scratch folder as `name`.
std::string cut_model(const std::string& model, size_t length, const std::string& name) {
  std::ifstream in(kModels + model, std::ios::binary);
  EXPECT_TRUE(in.good()) << "needs ../shared/models";
  const std::string bytes((std::istreambuf_iterator<char>(in)), {});
  const std::string path = tinysim::test::scratch_path(name);
  std::ofstream(path, std::ios::binary) << bytes.substr(0, length);
  return path;
}

/// `tinysim <args>` refuses its input (exit 2) with exactly this one-line message.
void expect_refused(const std::string& args, const std::string& message) {
  const Outcome o = run(args);
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_EQ(o.out, message + "\n");
}

TEST(Cli, CorruptModelIsRefusedWithWhereAndWhat) {
  // Half of the 2,704-byte hello_world model: operator_codes lie at byte 2,668.
  const std::string path = cut_model("tflm_hello_world_int8.tflite", 1352, "truncated.tflite");
  expect_refused("model inspect " + path,
                 "tinysim model: " + path +
                     ": truncated or corrupt: Model.operator_codes (an offset at byte 48 to byte 2668) points "
                     "outside the 1,352-byte file [out_of_bounds]");
}

TEST(Cli, TruncatedModelSaysWhatRunsPastTheEndOfHowManyBytes) {
  // The KWS reference model keeps operator_codes near its end (byte 53,808 of 53,936).
  for (const auto& [length, size] : {std::pair<size_t, std::string>{100, "100"}, {20000, "20,000"}}) {
    const std::string path = cut_model("mlperf_tiny_kws_ref_model.tflite", length, "cut.tflite");
    expect_refused("model inspect " + path,
                   "tinysim model: " + path +
                       ": truncated or corrupt: Model.operator_codes (an offset at byte 36 to byte 53808) points "
                       "outside the " + size + "-byte file [out_of_bounds]");
  }
}

TEST(Cli, AYamlFileGivenAsAModelIsNotATfliteModel) {
  const std::string path = tinysim::test::scratch_path("not_a_model.yaml");
  std::ofstream(path) << "name: greenhouse\ndevice: nrf52840\n";
  expect_refused("model inspect " + path,
                 "tinysim model: " + path +
                     ": not a TFLite model: the FlatBuffer identifier at byte 4 is ': gr', expected 'TFL3' "
                     "[bad_identifier]");
}

TEST(Cli, ScenarioReportsABadModelAtItsModelKey) {
  const std::string model = cut_model("mlperf_tiny_kws_ref_model.tflite", 5000, "scenario_cut.tflite");
  const std::string scenario = tinysim::test::scratch_path("bad_model.yaml");
  std::ofstream(scenario) << "name: greenhouse\n"
                             "device: nrf52840\n"
                             "model: scenario_cut.tflite\n"
                             "sensors:\n"
                             "  - {name: climate, rate: 0.1 Hz, channels: 3, source: {generator: environment}}\n"
                             "inference: {window: 6}\n"
                             "duration: 1 day\n";
  expect_refused("scenario " + scenario,
                 "tinysim: " + scenario +
                     ":3:8: model: truncated or corrupt: Model.operator_codes (an offset at byte 36 to byte 53808) "
                     "points outside the 5,000-byte file [out_of_bounds] (" + model + ")");
}

TEST(Cli, InspectSaysWhenAModelDoesNotFit) {
  const Outcome o = run("model inspect " + kModels + "mlperf_tiny_vww_96_int8.tflite --device samd21g18");
  EXPECT_EQ(o.exit_code, 1) << o.out;
  EXPECT_NE(o.out.find("Fits samd21g18: NO"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("samd21g18 has 256 KiB"), std::string::npos) << o.out;
}

TEST(Cli, InspectCountsTheStm32f746sAdjacentBanksAsOneRam) {
  // DTCM + SRAM1 + SRAM2 are 320 KiB from 0x2000 0000 (RM0385 2.2.2); the DTCM alone
  // (64 KiB) could not hold the 95.7 KiB arena.
  const Outcome o = run("model inspect " + kModels + "mlperf_tiny_vww_96_int8.tflite --device stm32f746ng");
  EXPECT_EQ(o.exit_code, 0) << o.out;
  EXPECT_NE(o.out.find("Fits stm32f746ng: yes"), std::string::npos) << o.out;
  // The firmware's own .data/.bss (about a KiB) changes with the runtime.
  EXPECT_NE(o.out.find(" KiB of 320 KiB (static "), std::string::npos) << o.out;
  EXPECT_NE(o.out.find(", tensor arena 95.7 KiB, stack 8 KiB)"), std::string::npos) << o.out;
}

TEST(Cli, DevicesNameTheRamTheFirmwareGets) {
  const Outcome o = run("devices");
  EXPECT_EQ(o.exit_code, 0) << o.out;
  for (const char* line :
       {"stm32f746ng    cortex-m7        216 MHz      1 MiB    336 KiB  320 KiB dtcm+sram1+sram2 at 0x20000000; "
        "also itcm 16 KiB at 0x00000000\n",
        "stm32l4r5zi    cortex-m4        120 MHz      2 MiB    640 KiB  640 KiB sram1+sram2+sram3 at 0x20000000\n",
        "stm32u585ai    cortex-m33       160 MHz      2 MiB    784 KiB  768 KiB sram1+sram2+sram3 at 0x20000000; "
        "also sram4 16 KiB at 0x28000000\n"})
    EXPECT_NE(o.out.find(line), std::string::npos) << line << "\n" << o.out;
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

TEST(Cli, BenchRegulatorModeChangesTheRunCurrentItGives) {
  const std::string args = "model bench " + kModels + "tflm_hello_world_int8.tflite --device nrf52840 --runs 1 --json";
  const Outcome dcdc = run(args);
  const Outcome ldo = run(args + " --regulator ldo");
  ASSERT_EQ(dcdc.exit_code, 0) << dcdc.out;
  ASSERT_EQ(ldo.exit_code, 0) << ldo.out;
  const YAML::Node a = YAML::Load(dcdc.out), b = YAML::Load(ldo.out);  // JSON is YAML
  EXPECT_EQ(a["regulator"].as<std::string>(), "dcdc");
  EXPECT_EQ(b["regulator"].as<std::string>(), "ldo");
  EXPECT_DOUBLE_EQ(a["run_current_ma"].as<double>(), 3.3);  // devices/nrf52840.yaml, 64 MHz
  EXPECT_DOUBLE_EQ(b["run_current_ma"].as<double>(), 6.3);
  EXPECT_EQ(a["cycles"]["mean"].as<double>(), b["cycles"]["mean"].as<double>());  // the same run
  // 3.0 V x run current x mean cycles / 64 MHz, to the 6 significant digits the JSON prints.
  const double seconds = a["cycles"]["mean"].as<double>() / 64e6;
  EXPECT_NEAR(a["energy_per_inference_uj"].as<double>(), 3.0 * 3.3e-3 * seconds * 1e6, 1e-5 * 3.0 * 3.3e-3 * seconds * 1e6);
  EXPECT_NEAR(b["energy_per_inference_uj"].as<double>(), 3.0 * 6.3e-3 * seconds * 1e6, 1e-5 * 3.0 * 6.3e-3 * seconds * 1e6);
  const Outcome buck = run(args + " --regulator buck");
  EXPECT_EQ(buck.exit_code, 2);
  EXPECT_NE(buck.out.find("no regulator mode 'buck' in the device's power: section; its modes: dcdc, ldo"),
            std::string::npos)
      << buck.out;
}

TEST(Cli, HelpAfterAnyCommandPrintsItsUsageAndExitsZero) {
  for (const char* command : {"run --help", "devices --help", "model --help", "model bench x.tflite --help",
                                     "model train -h", "scenario --help", "--scenario x.yaml --help"}) {
    const Outcome o = run(command);
    EXPECT_EQ(o.exit_code, 0) << command << "\n" << o.out;
    EXPECT_EQ(o.out.rfind("usage: tinysim ", 0), 0u) << command << "\n" << o.out;
  }
  const Outcome model_run = run("model run --help");  // its own, longer usage
  EXPECT_EQ(model_run.exit_code, 0);
  EXPECT_NE(model_run.out.find("--dequantize"), std::string::npos) << model_run.out;
}

TEST(Cli, BadOptionValueIsBadInput) {
  const Outcome o = run("model bench " + kModels + "tflm_hello_world_int8.tflite --device rp2040 --runs many");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.out.find("--runs expects a positive whole number"), std::string::npos) << o.out;
}

// Arm reference boards (docs/boards.md): a QEMU-built image runs as under QEMU.
TEST(BoardCli, RunPrintsTheUartThenTheSummaryAndExitsWithTheProgramsCode) {
  const Outcome o = run("run " + std::string(TINYSIM_TEST_FIRMWARE_DIR) + "/cortex-m4/board_uart-mps2-an386.elf --device mps2-an386");
  EXPECT_EQ(o.exit_code, 5) << o.out;
  EXPECT_EQ(o.out.rfind("uart: hello from the CMSDK APB UART\n"
                        "uart: sum of squares 1..10 = 385\n"
                        "uart: BAUDDIV 217 PID0 33\n"
                        "--- tinysim: mps2-an386 (cortex-m4 @ 25 MHz)\n"
                        "exit code         5\n",
                        0),
            0u)
      << o.out;
  EXPECT_NE(o.out.find("\ncode SRAM used    "), std::string::npos) << o.out;
  EXPECT_NE(o.out.find(" KiB of 4 MiB (0.0%)\nRAM used "), std::string::npos) << o.out;
}

TEST(BoardCli, FailingUnitSuiteExitsWithItsFailureCount) {
  const Outcome o = run("run " + std::string(TINYSIM_TEST_FIRMWARE_DIR) + "/cortex-m33/board_unity_fail-mps2-an505.elf --device mps2-an505");
  EXPECT_EQ(o.exit_code, 1) << o.out;
  EXPECT_NE(o.out.find("main.c:76:test_deliberate_failure:FAIL: Expected 5 Was 4\n"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("8 Tests 1 Failures 0 Ignored \nFAIL\n--- tinysim: mps2-an505"), std::string::npos) << o.out;
}

TEST(BoardCli, AnImageLinkedForAnotherBoardIsRefusedWithTheBoardsMap) {
  // AN385 images live at 0x00000000; a secure AN505 image at 0x10000000.
  const Outcome o = run("run " + std::string(TINYSIM_TEST_FIRMWARE_DIR) + "/cortex-m3/board_uart-mps2-an385.elf --device mps2-an505");
  EXPECT_EQ(o.exit_code, 2) << o.out;
  EXPECT_NE(o.out.find("board_uart-mps2-an385.elf: segment 0 (.text) needs "), std::string::npos) << o.out;
  EXPECT_NE(o.out.find(" at 0x00000000, which is outside the memory of mps2-an505 (ssram1_secure 4 MiB at "
                       "0x10000000, ssram2_3_secure 4 MiB at 0x38000000)"),
            std::string::npos)
      << o.out;
}

}  // namespace
