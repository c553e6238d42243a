// Truncated, bit-flipped and randomly mutated models: Model::open returns an error
// (with the model's size and a user's message) or a model whose every accessor stays
// inside the bytes; it never reads outside (the model_test_asan build of this file
// makes any such read fatal).
#include <gtest/gtest.h>

#include <cstdint>
#include <random>

#include "model/model.h"
#include "model/model_error_text.h"
#include "model_test_util.h"

namespace tinysim::test {
namespace {

using tinyrt::Model;
using tinyrt::ModelError;
using tinyrt::ModelStatus;

/// Opens a private, exactly sized copy (so a read past the end is a heap overflow)
/// and walks the model when it opens; returns whether it opened.
bool open_copy(const std::vector<uint8_t>& bytes, ModelError* error) {
  std::vector<uint8_t> copy(bytes);
  Model m;
  const bool ok = Model::open(copy.data(), copy.size(), &m, error);
  if (ok) {
    walk_model(m);
  } else {
    EXPECT_NE(error->status, ModelStatus::kOk);
    EXPECT_LE(error->offset, copy.size());
    EXPECT_EQ(error->size, copy.size());  // the user's message names the file's size
    EXPECT_FALSE(model_error_text(*error).empty());
  }
  return ok;
}

void expect_truncations_rejected(const std::vector<uint8_t>& bytes) {
  size_t rejected = 0;
  for (size_t len = 0; len < bytes.size(); ++len) {
    const std::vector<uint8_t> prefix(bytes.begin(), bytes.begin() + long(len));
    ModelError error;
    if (open_copy(prefix, &error)) {
      // Only trailing zero padding may be cut without consequence.
      for (size_t k = len; k < bytes.size(); ++k) ASSERT_EQ(bytes[k], 0) << "cut at " << len;
    } else {
      ++rejected;
    }
  }
  EXPECT_GE(rejected, bytes.size() - 3);
}

TEST(CorruptModel, TruncatedAtEveryLength) {
  expect_truncations_rejected(write_or_fail(small_graph()));
  expect_truncations_rejected(write_or_fail(all_ops_graph()));
  TfliteWriteOptions external;
  external.external_buffers = true;
  external.min_runtime_version = "2.1";
  expect_truncations_rejected(write_or_fail(all_ops_graph(), external));
}

TEST(CorruptModel, EveryBitFlipped) {
  const std::vector<uint8_t> bytes = write_or_fail(small_graph());
  size_t opened = 0, rejected = 0;
  for (size_t bit = 0; bit < bytes.size() * 8; ++bit) {
    std::vector<uint8_t> flipped(bytes);
    flipped[bit / 8] = uint8_t(flipped[bit / 8] ^ (1u << (bit % 8)));
    ModelError error;
    (open_copy(flipped, &error) ? opened : rejected) += 1;
  }
  EXPECT_EQ(opened + rejected, bytes.size() * 8);
  EXPECT_GT(rejected, bytes.size());  // most flips of structure are caught
  ::testing::Test::RecordProperty("bit_flips_opened", int(opened));
  ::testing::Test::RecordProperty("bit_flips_rejected", int(rejected));
}

/// The generator's next 32 bits (std::mt19937 is the same sequence everywhere).
uint32_t draw(std::mt19937& rng) { return static_cast<uint32_t>(rng()); }

/// One random change: a bit flip, a random byte, an "interesting" 32-bit value at
/// an aligned position (offsets, lengths, vtable entries), a copied block, or a cut.
void mutate(std::mt19937& rng, std::vector<uint8_t>& b) {
  if (b.size() < 8) return;
  const uint32_t kind = draw(rng) % 5;
  const size_t pos = draw(rng) % b.size();
  switch (kind) {
    case 0: b[pos] = uint8_t(b[pos] ^ (1u << (draw(rng) % 8))); break;
    case 1: b[pos] = uint8_t(draw(rng)); break;
    case 2: {
      const uint32_t values[] = {0u, 1u, 4u, 0x7FFFFFFFu, 0x80000000u, 0xFFFFFFFFu,
                                 uint32_t(b.size()), uint32_t(b.size() - 4), draw(rng) % 64u,
                                 uint32_t(-int32_t(draw(rng) % 64u))};
      const uint32_t v = values[draw(rng) % (sizeof values / sizeof values[0])];
      const size_t at = (pos & ~size_t(3)) + 4 <= b.size() ? (pos & ~size_t(3)) : 0;
      for (int k = 0; k < 4; ++k) b[at + size_t(k)] = uint8_t(v >> (8 * k));
      break;
    }
    case 3: {
      const size_t from = draw(rng) % b.size();
      const size_t len = std::min<size_t>(draw(rng) % 32, std::min(b.size() - from, b.size() - pos));
      for (size_t k = 0; k < len; ++k) b[pos + k] = b[from + k];
      break;
    }
    default: b.resize(pos); break;
  }
}

size_t fuzz(const std::vector<uint8_t>& seed_model, uint32_t cases, uint32_t first_seed) {
  size_t opened = 0;
  for (uint32_t seed = first_seed; seed < first_seed + cases; ++seed) {
    std::mt19937 rng(seed);
    std::vector<uint8_t> bytes(seed_model);
    const uint32_t changes = 1 + draw(rng) % 8;
    for (uint32_t k = 0; k < changes; ++k) mutate(rng, bytes);
    ModelError error;
    if (open_copy(bytes, &error)) ++opened;
  }
  return opened;
}

TEST(CorruptModel, SeededRandomMutationsOfWrittenModels) {
  const size_t opened_small = fuzz(write_or_fail(small_graph()), 3000, 1);
  const size_t opened_all = fuzz(write_or_fail(all_ops_graph()), 3000, 100000);
  ::testing::Test::RecordProperty("mutants_opened", int(opened_small + opened_all));
  EXPECT_LT(opened_small + opened_all, 6000u);
}

TEST(CorruptModel, SeededRandomMutationsOfARealModel) {
  const std::string path = shared_model_path("tflm_hello_world_int8.tflite");
  ASSERT_FALSE(path.empty()) << "reference models not found: expected " << TINYSIM_SHARED_DIR
                             << "/models";
  const std::vector<uint8_t> bytes = read_file(path);
  ASSERT_FALSE(bytes.empty());
  fuzz(bytes, 2000, 500000);
}

}  // namespace
}  // namespace tinysim::test
