#include "golden_file.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

namespace tinysim::test {
namespace {

uint32_t le32(const std::vector<uint8_t>& b, size_t at) {
  return uint32_t{b[at]} | (uint32_t{b[at + 1]} << 8) | (uint32_t{b[at + 2]} << 16) | (uint32_t{b[at + 3]} << 24);
}

}  // namespace

bool read_manifest(const std::string& path, Manifest& out, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = "manifest missing: " + path + " (run scripts/tflite-reference/generate.js)";
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string key;
    words >> key;
    if (key == "ops") {
      std::string model, file;
      words >> model >> file;
      out.ops[model] = file;
      continue;
    }
    if (key != "model") {
      std::string rest;
      std::getline(words, rest);
      out.about[key] = rest.empty() ? rest : rest.substr(1);
      continue;
    }
    ManifestEntry e;
    if (!(words >> e.model >> e.sha256 >> e.golden >> e.cases >> e.input_bytes >> e.output_bytes)) {
      error = "bad manifest line: " + line;
      return false;
    }
    out.models[e.model] = e;
  }
  return true;
}

bool read_golden(const std::string& path, Golden& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "golden file missing: " + path;
    return false;
  }
  const std::vector<uint8_t> b(std::istreambuf_iterator<char>(in), {});
  // Header: "TFLREF1\n", cases, input bytes, output bytes, flags (bit 0 inputs stored,
  // bit 1 XNNPACK outputs stored); then per case: seed, [input], builtin output, [xnnpack output].
  if (b.size() < 24 || std::memcmp(b.data(), "TFLREF1\n", 8) != 0) {
    error = "not a TFLREF1 golden file: " + path;
    return false;
  }
  const uint32_t cases = le32(b, 8);
  out.input_bytes = le32(b, 12);
  out.output_bytes = le32(b, 16);
  const uint32_t flags = le32(b, 20);
  const bool inputs = flags & 1u, xnnpack = flags & 2u;
  const size_t per_case = 4 + (inputs ? out.input_bytes : 0) + out.output_bytes * (xnnpack ? 2u : 1u);
  if (b.size() != 24 + per_case * cases) {
    error = "golden file has the wrong size: " + path;
    return false;
  }
  size_t at = 24;
  for (uint32_t c = 0; c < cases; ++c) {
    GoldenCase g;
    g.seed = le32(b, at);
    at += 4;
    if (inputs) {
      g.input.assign(b.begin() + at, b.begin() + at + out.input_bytes);
      at += out.input_bytes;
    }
    const auto* o = reinterpret_cast<const int8_t*>(b.data() + at);
    g.builtin.assign(o, o + out.output_bytes);
    at += out.output_bytes;
    if (xnnpack) {
      g.xnnpack.assign(o + out.output_bytes, o + 2 * out.output_bytes);
      at += out.output_bytes;
    }
    out.cases.push_back(std::move(g));
  }
  return true;
}

bool read_op_outputs(const std::string& path, OpOutputs& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "per-op outputs missing: " + path;
    return false;
  }
  const std::vector<uint8_t> b(std::istreambuf_iterator<char>(in), {});
  // "TFLOPS1\n", seed, op count; per op: op index, output tensor index, bytes, data.
  if (b.size() < 16 || std::memcmp(b.data(), "TFLOPS1\n", 8) != 0) {
    error = "not a TFLOPS1 file: " + path;
    return false;
  }
  out.seed = le32(b, 8);
  const uint32_t ops = le32(b, 12);
  size_t at = 16;
  for (uint32_t i = 0; i < ops; ++i) {
    if (at + 12 > b.size()) break;
    const uint32_t op = le32(b, at), tensor = le32(b, at + 4), bytes = le32(b, at + 8);
    at += 12;
    if (at + bytes > b.size()) break;
    out.by_op[op].assign(b.begin() + at, b.begin() + at + bytes);
    out.tensor_of_op[op] = tensor;
    at += bytes;
  }
  if (out.by_op.size() != ops || at != b.size()) {
    error = "truncated per-op outputs: " + path;
    return false;
  }
  return true;
}

std::vector<uint8_t> seeded_bytes(uint32_t seed, uint32_t count) {
  std::vector<uint8_t> out(count);
  uint32_t x = seed;
  for (uint32_t i = 0; i < count; ++i) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    out[i] = static_cast<uint8_t>(x & 0xffu);
  }
  return out;
}

}  // namespace tinysim::test
