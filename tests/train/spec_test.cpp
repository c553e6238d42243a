// Training from a spec end to end on a small tones stream, and the errors a bad spec
// or bad data get (file:line:column, the layer, the row).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "train/int8_runner.h"
#include "train/train_run.h"
#include "support/scratch.h"

namespace tinysim {
namespace {

/// Two labelled tones (3 Hz and 20 Hz) in noise; statistics features tell them apart.
const std::string kTonesSpec = [] {
  std::ifstream in(TINYSIM_SOURCE_DIR "/tests/data/tones_train_spec.yaml");
  return std::string(std::istreambuf_iterator<char>(in), {});
}();

Result<TrainSpec> spec_from(const std::string& text) {
  return parse_train_spec(YAML::Load(text), std::string(TINYSIM_SOURCE_DIR) + "/tests/train/spec.yaml");
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(TrainSpec, TonesClassifierIsPerfectInFloatAndInt8AndReproducible) {
  auto spec = spec_from(kTonesSpec);
  ASSERT_TRUE(spec.ok()) << spec.error().describe();
  auto a = train_from_spec(spec.value());
  ASSERT_TRUE(a.ok()) << a.error().describe();
  const TrainFigures& f = a->figures;
  EXPECT_EQ(f.classes, (std::vector<std::string>{"low", "high"}));
  EXPECT_DOUBLE_EQ(f.float_accuracy, 1.0);
  EXPECT_DOUBLE_EQ(f.int8_accuracy, 1.0);
  EXPECT_EQ(f.input_shape, (std::vector<int32_t>{1, 1, 1, 4}));
  EXPECT_EQ(f.epochs.size(), 12u);
  EXPECT_GT(f.windows.test, 20u);
  auto b = train_from_spec(spec.value());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->model, b->model);  // same spec and seed: the same bytes
}

TEST(TrainSpec, PruningReachesTheTargetSparsityAndKeepsAccuracy) {
  auto spec = spec_from(std::string(kTonesSpec) + "pruning: {sparsity: 0.5, epochs: 4}\nquantization: {qat_epochs: 2}\n");
  ASSERT_TRUE(spec.ok()) << spec.error().describe();
  auto r = train_from_spec(spec.value());
  ASSERT_TRUE(r.ok()) << r.error().describe();
  // 4x8 and 8x2 weights: floor(0.5 * 32) + floor(0.5 * 16) = 24 of 48 are zero.
  EXPECT_DOUBLE_EQ(r->figures.sparsity, 0.5);
  EXPECT_DOUBLE_EQ(r->figures.int8_accuracy, 1.0);
  EXPECT_EQ(r->figures.epochs.size(), 12u + 4u + 2u);
}

TEST(TrainSpec, UnknownLayerNamesTheLayerAndLine) {
  auto spec = spec_from(replaced(kTonesSpec, "  - dense: {units: 2}", "  - conv3d: {filters: 2}"));
  ASSERT_TRUE(spec.ok());
  auto r = train_from_spec(spec.value());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().line, 16);
  EXPECT_NE(r.error().describe().find("model[1] (conv3d): unknown layer 'conv3d'; expected one of: dense, conv1d"),
            std::string::npos)
      << r.error().describe();
  EXPECT_EQ(r.error().describe().find("model[1]: model[1]"), std::string::npos) << "the layer named once";
}

TEST(TrainSpec, ImpossibleShapeNamesTheLayerAndLine) {
  auto spec = spec_from(replaced(kTonesSpec, "  - dense: {units: 8, activation: relu}",
                                 "  - conv1d: {filters: 4, kernel: 9, padding: valid}"));
  ASSERT_TRUE(spec.ok());
  auto r = train_from_spec(spec.value());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().line, 15);
  EXPECT_NE(r.error().describe().find("model[0] (conv1d): a 1x9 window does not fit the 1x1x4 input"),
            std::string::npos)
      << r.error().describe();
}

TEST(TrainSpec, WrongOutputCountNamesTheLastLayer) {
  auto spec = spec_from(replaced(kTonesSpec, "  - dense: {units: 2}", "  - dense: {units: 3}"));
  ASSERT_TRUE(spec.ok());
  auto r = train_from_spec(spec.value());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().line, 17);
  EXPECT_NE(r.error().describe().find("the network ends with 3 values; expected 2 (one per class)"),
            std::string::npos)
      << r.error().describe();
}

TEST(TrainSpec, UnknownKeyAndBadValueAreLocated) {
  auto bad_key = spec_from(replaced(kTonesSpec, "training: {task: classifier,", "training: {task: classifier, epoch: 3,"));
  ASSERT_FALSE(bad_key.ok());
  EXPECT_EQ(bad_key.error().line, 18);
  EXPECT_NE(bad_key.error().message.find("unknown key 'epoch'"), std::string::npos);
  auto bad_task = spec_from(replaced(kTonesSpec, "task: classifier", "task: regression"));
  ASSERT_FALSE(bad_task.ok());
  EXPECT_EQ(bad_task.error().field, "training.task");
}

TEST(TrainSpec, NormalizedFeaturesTakeAnOffsetAndAShiftPerChannel) {
  auto spec = spec_from(
      replaced(kTonesSpec, "features: statistics", "features: {kind: normalized, offset: [-100], shift: [3]}"));
  ASSERT_TRUE(spec.ok()) << spec.error().describe();
  const tinyrt::FeatureConfig& c = spec->windowing.features;
  EXPECT_EQ(c.kind, tinyrt::FeatureKind::kNormalized);
  EXPECT_EQ(c.normalization[0].offset, -100);
  EXPECT_EQ(c.normalization[0].shift, 3);
  auto two = spec_from(
      replaced(kTonesSpec, "features: statistics", "features: {kind: normalized, offset: [1, 2], shift: [3]}"));
  ASSERT_FALSE(two.ok());
  EXPECT_EQ(two.error().line, 12);
  EXPECT_EQ(two.error().column, 74);
  EXPECT_EQ(two.error().field, "inference.features.offset");
  EXPECT_EQ(two.error().message, "expected a list of 1 offsets in counts (one per channel), got 2");
}

TEST(TrainSpec, UnreadableCsvRowIsNamedWithFileAndRow) {
  const std::string csv = test::scratch_path("train_bad.csv");
  std::ofstream(csv) << "time,x,label\n0.00,10,a\n0.01,oops,a\n";
  std::string text = replaced(kTonesSpec, "  source:\n    generator: tones\n    noise: 100\n    segments:\n      - {label: low, duration: 2 s, tones: {frequency: 3 Hz, amplitude: 1000}}\n      - {label: high, duration: 2 s, tones: {frequency: 20 Hz, amplitude: 1000}}\n",
                              "  source: {csv: " + csv + ", label_column: label}\n");
  auto spec = spec_from(text);
  ASSERT_TRUE(spec.ok()) << spec.error().describe();
  auto r = train_from_spec(spec.value());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().file, csv) << r.error().describe();
  EXPECT_EQ(r.error().line, 3) << r.error().describe();
}

/// The tones spec with a test stream of its own: `segments` and `duration` for it.
std::string with_test_stream(const std::string& segments, const std::string& duration) {
  return replaced(kTonesSpec, "data: {duration: 120 s}",
                  "data:\n  duration: 120 s\n  test:\n    source: {generator: tones, noise: 100, segments: " + segments +
                      "}\n    duration: " + duration + "\n");
}

TEST(TrainSpec, TestStreamOfItsOwnIsTheWholeTestSplit) {
  // The same tones in new noise (seed + 1): the test split is every window of that stream.
  auto spec = spec_from(with_test_stream("[{label: low, duration: 2 s, tones: {frequency: 3 Hz, amplitude: 1000}}, "
                                         "{label: high, duration: 2 s, tones: {frequency: 20 Hz, amplitude: 1000}}]",
                                         "40 s"));
  ASSERT_TRUE(spec.ok()) << spec.error().describe();
  ASSERT_TRUE(spec->test_stream.has_value());
  EXPECT_EQ(spec->test_stream->context.seed, 4u);  // the spec's seed + 1
  EXPECT_EQ(spec->test_fraction, 0.0);
  auto r = train_from_spec(spec.value());
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->figures.windows.test, 80u);                                   // 40 s in 0.5 s windows
  EXPECT_EQ(r->figures.windows.train + r->figures.windows.validation, 240u);  // all 120 s
  EXPECT_DOUBLE_EQ(r->figures.int8_accuracy, 1.0);
  EXPECT_EQ(r->figures.int8_confusion, (std::vector<std::vector<size_t>>{{40, 0}, {0, 40}}));
}

TEST(TrainSpec, TestStreamWithOtherClassesIsRefusedWhereItIsGiven) {
  auto spec = spec_from(with_test_stream("[{label: low, duration: 2 s, tones: {frequency: 3 Hz, amplitude: 1000}}, "
                                         "{label: mid, duration: 2 s, tones: {frequency: 9 Hz, amplitude: 1000}}]",
                                         "40 s"));
  ASSERT_TRUE(spec.ok()) << spec.error().describe();
  auto r = train_from_spec(spec.value());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().line, 16) << r.error().describe();  // the test stream's source map
  EXPECT_NE(r.error().message.find("the test stream's classes (low, mid) are not the training stream's (low, high)"),
            std::string::npos)
      << r.error().describe();
  auto no_duration = spec_from(replaced(with_test_stream("[]", "40 s"), "    duration: 40 s\n", ""));
  ASSERT_FALSE(no_duration.ok());
  EXPECT_EQ(no_duration.error().field, "data.test.duration") << no_duration.error().describe();
}

/// Word and speaker of each <word>_<speaker>.wav in `folder`.
std::set<std::pair<std::string, std::string>> spoken(const std::filesystem::path& folder) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const std::string stem = entry.path().stem().string();
    if (entry.path().extension() == ".wav") out.emplace(stem.substr(0, stem.rfind('_')), stem.substr(stem.rfind('_') + 1));
  }
  return out;
}

TEST(KeywordsZoo, TrainsAndTestsOnDifferentSpeakersAndTheScenarioHearsTheHeldOutOnes) {
  const std::filesystem::path root = TINYSIM_SOURCE_DIR;
  auto spec = load_train_spec((root / "scenarios/models/keywords.yaml").string());
  ASSERT_TRUE(spec.ok()) << spec.error().describe();
  ASSERT_TRUE(spec->test_stream.has_value());
  const auto models = root / "scenarios/models";
  const auto training = spoken(models / spec->source.node()["clips"].as<std::string>());
  const auto held_out = spoken(models / spec->test_stream->source.node()["clips"].as<std::string>());
  std::set<std::string> training_speakers, held_out_speakers, training_words, held_out_words;
  for (const auto& [word, speaker] : training) {
    training_speakers.insert(speaker);
    training_words.insert(word);
  }
  for (const auto& [word, speaker] : held_out) {
    held_out_speakers.insert(speaker);
    held_out_words.insert(word);
  }
  EXPECT_EQ(training_speakers.size(), 12u);
  EXPECT_EQ(held_out_speakers.size(), 4u);
  for (const std::string& speaker : held_out_speakers) EXPECT_EQ(training_speakers.count(speaker), 0u) << speaker;
  EXPECT_EQ(training_words, held_out_words);
  EXPECT_EQ(training.size(), training_speakers.size() * training_words.size());  // every speaker says every word
  for (const char* scenario : {"keyword_spotting.yaml", "keyword_spotting_samd21.yaml"}) {
    const YAML::Node s = YAML::LoadFile((root / "scenarios" / scenario).string());
    EXPECT_EQ(std::filesystem::weakly_canonical(root / "scenarios" / s["sensors"][0]["source"]["clips"].as<std::string>()),
              std::filesystem::weakly_canonical(models / spec->test_stream->source.node()["clips"].as<std::string>()))
        << scenario;
  }
}

}  // namespace
}  // namespace tinysim
