#pragma once
// Reads tests/data/tflite_reference/ (written by scripts/tflite-reference/generate.js):
// manifest.txt and one <model>.golden per reference model.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tinysim::test {

struct ManifestEntry {
  std::string model;        ///< file name in ../shared/models
  std::string sha256;       ///< of the model bytes the outputs were made from
  std::string golden;       ///< file name beside the manifest
  uint32_t cases = 0;
  uint32_t input_bytes = 0;
  uint32_t output_bytes = 0;
};

struct Manifest {
  std::map<std::string, std::string> about;    ///< generator, tflite, node, date, prng lines
  std::map<std::string, ManifestEntry> models;  ///< by model file name
  std::map<std::string, std::string> ops;       ///< model file name -> its per-op outputs file
};

/// TFLite's output of every op for one seeded input (the model's first golden case).
struct OpOutputs {
  uint32_t seed = 0;
  std::map<uint32_t, std::vector<uint8_t>> by_op;       ///< op index -> output bytes
  std::map<uint32_t, uint32_t> tensor_of_op;            ///< op index -> output tensor index
};

struct GoldenCase {
  uint32_t seed = 0;
  std::vector<uint8_t> input;     ///< empty when only the seed is stored
  std::vector<int8_t> builtin;    ///< TFLite's built-in kernels
  std::vector<int8_t> xnnpack;    ///< TFLite with its default XNNPACK delegate
};

struct Golden {
  uint32_t input_bytes = 0;
  uint32_t output_bytes = 0;
  std::vector<GoldenCase> cases;
};

/// Parses the manifest; `error` says what is wrong when it returns false.
bool read_manifest(const std::string& path, Manifest& out, std::string& error);
bool read_golden(const std::string& path, Golden& out, std::string& error);
bool read_op_outputs(const std::string& path, OpOutputs& out, std::string& error);
/// The generator's inputs: xorshift32 from `seed`, one step per byte, the low 8 bits.
std::vector<uint8_t> seeded_bytes(uint32_t seed, uint32_t count);

}  // namespace tinysim::test
