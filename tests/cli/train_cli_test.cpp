// `tinysim model train` as a user runs it: a bad spec exits 2 naming the file:line and
// the layer; a good one exits 0 and writes a .tflite that `tinysim model inspect` reads.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "cli_runner.h"
#include "support/scratch.h"

namespace {

using tinysim::test::CliOutcome;
using tinysim::test::run_cli;

/// Two labelled tones in noise (shared with tests/train/spec_test.cpp); trains in well under a second.
const std::string kTonesSpecPath = TINYSIM_SOURCE_DIR "/tests/data/tones_train_spec.yaml";

std::string written_spec(const std::string& name, const std::string& text) {
  const std::string path = tinysim::test::scratch_path(name);
  std::ofstream(path) << text;
  return path;
}

TEST(TrainCli, UnknownLayerExitsTwoNamingTheLayerAndFileLine) {
  std::ifstream in(kTonesSpecPath);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  const std::string layer = "  - dense: {units: 2}";
  text.replace(text.find(layer), layer.size(), "  - conv3d: {filters: 2}");  // line 16
  const std::string spec = written_spec("train_cli_unknown_layer.yaml", text);
  const CliOutcome o = run_cli("model train " + spec + " -o " + tinysim::test::scratch_path("never.tflite"));
  EXPECT_EQ(o.exit_code, 2) << o.out;
  EXPECT_NE(o.out.find("tinysim model train: " + spec + ":16:"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("model[1] (conv3d): unknown layer 'conv3d'; expected one of: dense, conv1d"), std::string::npos)
      << o.out;
}

TEST(TrainCli, GoodSpecExitsZeroAndWritesAModelThatInspectReads) {
  const std::string& spec = kTonesSpecPath;
  const std::string model = tinysim::test::scratch_path("train_cli_tones.tflite");
  std::remove(model.c_str());
  const CliOutcome trained = run_cli("model train " + spec + " -o " + model);
  ASSERT_EQ(trained.exit_code, 0) << trained.out;
  EXPECT_NE(trained.out.find("wrote " + model + "\n"), std::string::npos) << trained.out;
  const CliOutcome inspected = run_cli("model inspect " + model);
  EXPECT_EQ(inspected.exit_code, 0) << inspected.out;
  EXPECT_NE(inspected.out.find("FULLY_CONNECTED"), std::string::npos) << inspected.out;
}

}  // namespace
