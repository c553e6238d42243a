// `tinysim model run|validate` as a user runs them: files in, files and figures out,
// exit codes 0 (ok), 1 (beyond the tolerance) and 2 (bad input), messages naming files.
#include <gtest/gtest.h>

#include "cli_runner.h"
#include "io/npy_file.h"
#include "model/tflite_writer.h"
#include "validate_test_util.h"

namespace tinysim {
namespace {

using Outcome = test::CliOutcome;
Outcome tinysim_cli(const std::string& args) { return test::run_cli(args); }

bool has(const Outcome& o, const std::string& text) { return o.out.find(text) != std::string::npos; }

std::string text_of(const std::string& path) {
  const std::vector<uint8_t> b = test::read_bytes(path);
  return std::string(b.begin(), b.end());
}

/// The hand-checked classifier, its four inputs as one batched .npy and the scores.
struct Files {
  std::string dir, model, inputs, scores;
};

Files hand_checked_files(const std::string& name) {
  Files f;
  f.dir = test::scratch_dir(name);
  f.model = f.dir + "/classifier.tflite";
  f.inputs = f.dir + "/inputs.npy";
  f.scores = f.dir + "/scores.npy";
  test::write_bytes(f.model, test::hand_checked_classifier());
  NpyArray in, out;
  in.shape = {4, 1, 4};
  out.shape = {4, 1, 3};
  for (size_t i = 0; i < 4; ++i) {
    const auto x = test::as_bytes(test::kInputs[i]);
    const auto s = test::as_bytes(test::kScores[i]);
    in.data.insert(in.data.end(), x.begin(), x.end());
    out.data.insert(out.data.end(), s.begin(), s.end());
  }
  test::write_bytes(f.inputs, format_npy(in));
  test::write_bytes(f.scores, format_npy(out));
  return f;
}

TEST(ModelRunCli, BatchedNpyOnTheEmulatedM0PlusGivesTheHandComputedScores) {
  const Files f = hand_checked_files("cli_run_npy");
  const Outcome o = tinysim_cli("model run " + f.model + " --device samd21g18 --input " + f.inputs + " --output " +
                                f.dir + "/out.npy");
  ASSERT_EQ(o.exit_code, 0) << o.out;
  EXPECT_TRUE(has(o, "on samd21g18 (cortex-m0plus, 48 MHz), 4 inferences")) << o.out;
  EXPECT_TRUE(has(o, "  inference 3: ")) << o.out;
  EXPECT_TRUE(has(o, " uJ\n")) << o.out;
  EXPECT_EQ(test::read_bytes(f.dir + "/out.npy"), test::read_bytes(f.scores));
}

TEST(ModelRunCli, OneOutputFilePerInputFileOnTheHost) {
  const Files f = hand_checked_files("cli_run_each");
  test::write_bytes(f.dir + "/a.bin", test::as_bytes(test::kInputs[0]));
  const std::string csv = "-128,127,10,-5\n";
  test::write_bytes(f.dir + "/b.csv", std::vector<uint8_t>(csv.begin(), csv.end()));
  const Outcome o = tinysim_cli("model run " + f.model + " --host --input " + f.dir + "/a.bin " + f.dir +
                                "/b.csv --output " + f.dir + "/a_out.bin " + f.dir + "/b_out.csv");
  ASSERT_EQ(o.exit_code, 0) << o.out;
  EXPECT_TRUE(has(o, "on host (host build of the runtime: no cycle figures), 2 inferences")) << o.out;
  EXPECT_EQ(test::read_bytes(f.dir + "/a_out.bin"), test::as_bytes(test::kScores[0]));
  EXPECT_EQ(text_of(f.dir + "/b_out.csv"), "127,123,-128\n");
}

TEST(ModelRunCli, WithoutAnOutputFileTheValuesArePrinted) {
  const Files f = hand_checked_files("cli_run_print");
  test::write_bytes(f.dir + "/a.bin", test::as_bytes(test::kInputs[3]));
  const Outcome o = tinysim_cli("model run " + f.model + " --host --input " + f.dir + "/a.bin");
  ASSERT_EQ(o.exit_code, 0) << o.out;
  EXPECT_TRUE(has(o, "inference 0 output 'scores': [-109, -15, -57]")) << o.out;
}

TEST(ModelRunCli, AnInputOfTheWrongSizeSaysTheExpectedShapeAndBytes) {
  const Files f = hand_checked_files("cli_run_size");
  test::write_bytes(f.dir + "/five.bin", {1, 2, 3, 4, 5});
  const Outcome o = tinysim_cli("model run " + f.model + " --device nrf52840 --input " + f.dir + "/five.bin");
  EXPECT_EQ(o.exit_code, 2) << o.out;
  EXPECT_TRUE(has(o, f.dir + "/five.bin: holds 5 bytes: input 'x' int8 [1x4] (4 bytes per inference) needs a whole "
                             "number of 4-byte tensors"))
      << o.out;
}

TEST(ModelValidateCli, HandComputedExpectationsPassBitExactOnTheM4AndM33) {
  const Files f = hand_checked_files("cli_validate_pass");
  for (const char* device : {"nrf52840", "stm32u585ai"}) {
    const Outcome o = tinysim_cli("model validate " + f.model + " --device " + device + " --inputs " + f.inputs +
                                  " --expected " + f.scores + " --report " + f.dir + "/report.json");
    ASSERT_EQ(o.exit_code, 0) << o.out;
    EXPECT_TRUE(has(o, "output 'scores': exact 100.00% (12/12), max |error| 0 LSB, mean |error| 0 LSB (0 real), "
                       "top-1 agreement 100.00% (4/4)"))
        << o.out;
    EXPECT_TRUE(has(o, "PASS: max |error| within the tolerance of 0 LSB (bit-exact)")) << o.out;
    const std::string report = text_of(f.dir + "/report.json");
    EXPECT_TRUE(has({0, report}, "\"target\": \"" + std::string(device) + "\"")) << report;
    EXPECT_TRUE(has({0, report}, "\"passed\": true")) << report;
    EXPECT_TRUE(has({0, report}, "\"exact_match_rate\": 1,")) << report;
  }
}

TEST(ModelValidateCli, AWrongExpectedFileFailsWithTheFigures) {
  const Files f = hand_checked_files("cli_validate_fail");
  std::vector<uint8_t> wrong = test::read_bytes(f.scores);
  const size_t data = wrong.size() - 12;
  wrong[data + 2] = static_cast<uint8_t>(int8_t{2});       // inference 0: -1 expected as 2
  wrong[data + 6 + 2] = static_cast<uint8_t>(int8_t{20});  // inference 2: 5 expected as 20
  test::write_bytes(f.dir + "/wrong.npy", wrong);
  const std::string args = "model validate " + f.model + " --host --inputs " + f.inputs + " --expected " + f.dir +
                           "/wrong.npy --report " + f.dir + "/report.json";
  const Outcome o = tinysim_cli(args);
  EXPECT_EQ(o.exit_code, 1) << o.out;
  EXPECT_TRUE(has(o, "output 'scores': exact 83.33% (10/12), max |error| 15 LSB, mean |error| 1.5 LSB (0.1875 real), "
                     "top-1 agreement 75.00% (3/4)"))
      << o.out;
  EXPECT_TRUE(has(o, "first mismatch: inference 0, element 2: -1, expected 2")) << o.out;
  EXPECT_TRUE(has(o, "FAIL: max |error| beyond the tolerance of 0 LSB")) << o.out;
  const std::string report = text_of(f.dir + "/report.json");
  for (const char* field : {"\"passed\": false", "\"max_abs_error_lsb\": 15,", "\"mean_abs_error_lsb\": 1.5,",
                            "\"mean_abs_error_real\": 0.1875,", "\"top1_agree\": 3,", "\"top1_agreement\": 0.75,"})
    EXPECT_TRUE(has({0, report}, field)) << field << "\n" << report;
  EXPECT_EQ(tinysim_cli(args + " --tolerance 15").exit_code, 0);
  // The same run gives a byte-identical report.
  const std::string first = report;
  tinysim_cli(args);
  EXPECT_EQ(text_of(f.dir + "/report.json"), first);
}

TEST(ModelValidateCli, DifferentCountsOfInputsAndExpectedOutputsIsBadInput) {
  const Files f = hand_checked_files("cli_validate_count");
  test::write_bytes(f.dir + "/one.bin", test::as_bytes(test::kScores[0]));
  const Outcome o =
      tinysim_cli("model validate " + f.model + " --host --inputs " + f.inputs + " --expected " + f.dir + "/one.bin");
  EXPECT_EQ(o.exit_code, 2) << o.out;
  EXPECT_TRUE(has(o, "4 inputs but 1 expected outputs")) << o.out;
}

/// a + b and a x b of two int8 [1x2] tensors (scale 0.5): the sum at scale 0.5 and the
/// product at scale 0.25 are exactly a + b and a x b in LSB.
std::vector<uint8_t> sum_and_product() {
  TfliteGraph g;
  const TfliteQuantization half{{0.5f}, {0}, 0};
  const TfliteQuantization quarter{{0.25f}, {0}, 0};
  g.tensors = {{"a", tinyrt::TensorType::kInt8, {1, 2}, {}, half},
               {"b", tinyrt::TensorType::kInt8, {1, 2}, {}, half},
               {"sum", tinyrt::TensorType::kInt8, {1, 2}, {}, half},
               {"prod", tinyrt::TensorType::kInt8, {1, 2}, {}, quarter}};
  TfliteOperator add, mul;
  add.builtin_code = static_cast<int32_t>(tinyrt::BuiltinOp::kAdd);
  add.inputs = {0, 1};
  add.outputs = {2};
  mul.builtin_code = static_cast<int32_t>(tinyrt::BuiltinOp::kMul);
  mul.inputs = {0, 1};
  mul.outputs = {3};
  g.operators = {add, mul};
  g.inputs = {0, 1};
  g.outputs = {2, 3};
  auto bytes = write_tflite(g);
  EXPECT_TRUE(bytes) << bytes.error().describe();
  return bytes.value();
}

TEST(ModelRunCli, SeveralInputsAreNamedAndSelectedWithNameEqualsFile) {
  const std::string dir = test::scratch_dir("cli_two_inputs");
  test::write_bytes(dir + "/model.tflite", sum_and_product());
  test::write_bytes(dir + "/a.bin", test::as_bytes({1, -20}));
  test::write_bytes(dir + "/b.bin", test::as_bytes({3, 4}));
  const std::string model = "model run " + dir + "/model.tflite ";
  const Outcome unnamed = tinysim_cli(model + "--host --input " + dir + "/a.bin");
  EXPECT_EQ(unnamed.exit_code, 2) << unnamed.out;
  EXPECT_TRUE(has(unnamed, "the model has 2 inputs ('a', 'b'): name the one each file is for, --input NAME=" + dir +
                               "/a.bin"))
      << unnamed.out;
  const Outcome unknown = tinysim_cli(model + "--host --input c=" + dir + "/a.bin");
  EXPECT_EQ(unknown.exit_code, 2) << unknown.out;
  EXPECT_TRUE(has(unknown, "the model has no input named 'c': its inputs are 'a', 'b'")) << unknown.out;
  const Outcome one = tinysim_cli(model + "--host --input a=" + dir + "/a.bin");
  EXPECT_EQ(one.exit_code, 2) << one.out;
  EXPECT_TRUE(has(one, "input 'b' int8 [1x2] (2 bytes per inference) has 0 values, input 'a' int8 [1x2] (2 bytes "
                       "per inference) has 1: each inference needs one of each"))
      << one.out;
}

class TwoInputsTwoOutputs : public ::testing::TestWithParam<const char*> {};

// a 1,-20 | 7,0 and b 3,4 | -2,9: sum 4,-16 | 5,9 and product 3,-80 | -14,0, on the host
// and on the emulated M0+, M4 and M33.
TEST_P(TwoInputsTwoOutputs, EachOutputGoesToItsFileAndValidatesBitExact) {
  const std::string target = GetParam();
  const std::string dir = test::scratch_dir("cli_two_outputs_" + target);
  test::write_bytes(dir + "/model.tflite", sum_and_product());
  test::write_bytes(dir + "/a.bin", test::as_bytes({1, -20, 7, 0}));
  test::write_bytes(dir + "/b.bin", test::as_bytes({3, 4, -2, 9}));
  const std::string on = target == "host" ? "--host" : "--device " + target;
  const std::string model = dir + "/model.tflite " + on + " ";
  const Outcome run = tinysim_cli("model run " + model + "--input b=" + dir + "/b.bin a=" + dir + "/a.bin --output prod=" +
                                  dir + "/prod.csv sum=" + dir + "/sum.csv");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_EQ(text_of(dir + "/sum.csv"), "4,-16\n5,9\n");
  EXPECT_EQ(text_of(dir + "/prod.csv"), "3,-80\n-14,0\n");
  const Outcome validate = tinysim_cli("model validate " + model + "--inputs a=" + dir + "/a.bin b=" + dir +
                                       "/b.bin --expected sum=" + dir + "/sum.csv prod=" + dir + "/prod.csv");
  EXPECT_EQ(validate.exit_code, 0) << validate.out;
  EXPECT_TRUE(has(validate, "output 'sum': exact 100.00% (4/4)")) << validate.out;
  EXPECT_TRUE(has(validate, "output 'prod': exact 100.00% (4/4)")) << validate.out;
}

INSTANTIATE_TEST_SUITE_P(Targets, TwoInputsTwoOutputs, ::testing::Values("host", "samd21g18", "nrf52840", "stm32u585ai"));

TEST(ModelRunCli, BenchFeedsEveryInputAndChecksEveryOutputAgainstTheHost) {
  const std::string dir = test::scratch_dir("cli_bench_two_outputs");
  test::write_bytes(dir + "/model.tflite", sum_and_product());
  const Outcome o = tinysim_cli("model bench " + dir + "/model.tflite --device nrf52840 --runs 3");
  EXPECT_EQ(o.exit_code, 0) << o.out;
  EXPECT_TRUE(has(o, "outputs bit-identical to the host build")) << o.out;
}

TEST(ModelRunCli, UnreadableFilesAndAModelThatDoesNotFitAreBadInput) {
  const Files f = hand_checked_files("cli_bad_input");
  test::write_bytes(f.dir + "/text.npy", {'1', ',', '2'});
  const Outcome npy = tinysim_cli("model run " + f.model + " --host --input " + f.dir + "/text.npy");
  EXPECT_EQ(npy.exit_code, 2) << npy.out;
  EXPECT_TRUE(has(npy, f.dir + "/text.npy: magic: not a NumPy .npy file")) << npy.out;
  // MLPerf Tiny visual wake words: 325 KiB of model for the SAMD21's 256 KiB of flash.
  const std::string vww = std::string(TINYSIM_SHARED_DIR) + "/models/mlperf_tiny_vww_96_int8.tflite";
  test::write_bytes(f.dir + "/image.bin", std::vector<uint8_t>(96 * 96 * 3));
  const Outcome big = tinysim_cli("model run " + vww + " --device samd21g18 --input " + f.dir + "/image.bin");
  EXPECT_EQ(big.exit_code, 2) << big.out;
  EXPECT_TRUE(has(big, "does not fit samd21g18")) << big.out;
  EXPECT_TRUE(has(big, "flash: needs")) << big.out;
}

}  // namespace
}  // namespace tinysim

namespace tinysim {
namespace {

// Telling a model problem from a device problem: the host build's outputs of a real
// model, from float32 inputs, are what the emulated M0+ must reproduce bit for bit.
TEST(ModelValidateCli, HostOutputsOfHelloWorldValidateOnTheEmulatedM0Plus) {
  const std::string dir = test::scratch_dir("cli_hello_world");
  const std::string model = std::string(TINYSIM_SHARED_DIR) + "/models/tflm_hello_world_int8.tflite";
  NpyArray x;
  x.type = ElementType::kFloat32;
  x.shape = {8, 1};
  for (int i = 0; i < 8; ++i) {
    const float v = 0.75f * float(i);
    const auto* b = reinterpret_cast<const uint8_t*>(&v);
    x.data.insert(x.data.end(), b, b + 4);
  }
  test::write_bytes(dir + "/x.npy", format_npy(x));
  const Outcome host = tinysim_cli("model run " + model + " --host --input " + dir + "/x.npy --output " + dir + "/y.npy");
  ASSERT_EQ(host.exit_code, 0) << host.out;
  auto y = parse_npy(test::read_bytes(dir + "/y.npy"), "y.npy");
  ASSERT_TRUE(y) << y.error().describe();
  EXPECT_EQ(y->shape, (std::vector<int64_t>{8, 1, 1}));
  const Outcome device = tinysim_cli("model validate " + model + " --device samd21g18 --inputs " + dir +
                                     "/x.npy --expected " + dir + "/y.npy");
  EXPECT_EQ(device.exit_code, 0) << device.out;
  EXPECT_TRUE(has(device, "exact 100.00% (8/8), max |error| 0 LSB")) << device.out;
}

}  // namespace
}  // namespace tinysim
