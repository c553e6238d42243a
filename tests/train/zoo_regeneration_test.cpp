// `make models` is reproducible: every committed zoo model regenerates from its spec
// byte for byte (fixed seeds, a deterministic trainer) and reaches the aim of at
// least 90 % int8 accuracy on its held-out data. One test per model, so ctest runs them
// side by side.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "model/model_summary.h"
#include "train/train_run.h"

namespace tinysim {
namespace {

const std::string kZoo = std::string(TINYSIM_SOURCE_DIR) + "/scenarios/models/";


class ZooRegeneration : public testing::TestWithParam<const char*> {};

TEST_P(ZooRegeneration, SpecRegeneratesTheCommittedModelByteForByte) {
  const std::string name = GetParam();
  auto spec = load_train_spec(kZoo + name + ".yaml");
  ASSERT_TRUE(spec.ok()) << spec.error().describe();
  auto trained = train_from_spec(spec.value());
  ASSERT_TRUE(trained.ok()) << trained.error().describe();
  auto committed = read_file_bytes(kZoo + name + ".tflite");
  ASSERT_TRUE(committed.ok()) << committed.error().describe();
  EXPECT_TRUE(trained->model == committed.value()) << name << ": regenerated " << trained->model.size()
                                                   << " bytes differ from the committed " << committed->size()
                                                   << " (run `make models` and commit the result)";
  EXPECT_GE(trained->figures.int8_accuracy, 0.9) << name;
}

// Every spec in scenarios/models/ (checked below).
constexpr const char* kZooSpecs[] = {"wrist_gestures", "environment_events", "vibration_autoencoder", "keywords"};

INSTANTIATE_TEST_SUITE_P(Zoo, ZooRegeneration, testing::ValuesIn(kZooSpecs),
                         [](const testing::TestParamInfo<const char*>& model) { return std::string(model.param); });

TEST(ZooRegenerationList, NamesEverySpecInTheZoo) {
  std::vector<std::string> specs, listed;
  for (const auto& entry : std::filesystem::directory_iterator(kZoo))
    if (entry.path().extension() == ".yaml") specs.push_back(entry.path().stem().string());
  for (const char* name : kZooSpecs) listed.push_back(name);
  std::sort(specs.begin(), specs.end());
  std::sort(listed.begin(), listed.end());
  EXPECT_EQ(specs, listed);
}

}  // namespace
}  // namespace tinysim
