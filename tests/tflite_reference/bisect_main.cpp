// tflite_reference_bisect MODEL.tflite DUMP_DIR
// Runs tinyrt on DUMP_DIR/input.bin and compares every op's output with the TFLite op outputs
// that `node scripts/tflite-reference/generate.js --dump MODEL SEED DUMP_DIR` wrote
// (op<NNN>_<TYPE>_t<TENSOR>.bin). Prints, per op, how many values differ and by how much,
// and the first values that differ. Diagnostic only; not a test.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "interpreter/interpreter.h"

namespace {

std::vector<uint8_t> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

class Capture : public tinyrt::OpObserver {
 public:
  explicit Capture(tinyrt::Interpreter& in) : interpreter_(in) {}
  void op_begin(int32_t, int32_t) override {}
  void op_end(int32_t op_index) override {
    const tinyrt::Tensor& t = interpreter_.tensor(static_cast<uint32_t>(interpreter_.node(op_index).outputs[0]));
    outputs[op_index].assign(t.data, t.data + t.bytes);
  }
  std::map<int32_t, std::vector<uint8_t>> outputs;

 private:
  tinyrt::Interpreter& interpreter_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s MODEL.tflite DUMP_DIR\n", argv[0]);
    return 2;
  }
  const std::string dir = argv[2];
  const std::vector<uint8_t> model = read_file(argv[1]);
  const std::vector<uint8_t> input = read_file(dir + "/input.bin");
  static std::vector<uint8_t> arena(1024 * 1024);
  tinyrt::Interpreter interpreter;
  if (!interpreter.init(model.data(), model.size(), arena.data(), static_cast<uint32_t>(arena.size()))) {
    std::fprintf(stderr, "init: %s\n", interpreter.error().message);
    return 1;
  }
  tinyrt::Tensor& in = interpreter.input(0);
  if (in.bytes != input.size()) {
    std::fprintf(stderr, "input is %u bytes, dump has %zu\n", in.bytes, input.size());
    return 1;
  }
  std::copy(input.begin(), input.end(), in.data);
  Capture capture(interpreter);
  interpreter.invoke(&capture);

  std::map<int, std::string> dumps;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      const std::string name = e->d_name;
      if (name.rfind("op", 0) == 0 && name.size() > 5) dumps[std::atoi(name.c_str() + 2)] = name;
    }
    closedir(d);
  }
  int first_bad = -1;
  for (const auto& [op, name] : dumps) {
    const std::vector<uint8_t> want = read_file(dir + "/" + name);
    const std::vector<uint8_t>& got = capture.outputs[op];
    if (want.size() != got.size()) {
      std::printf("op %3d %-40s size differs: TFLite %zu, tinyrt %zu\n", op, name.c_str(), want.size(), got.size());
      continue;
    }
    size_t differ = 0;
    int max_lsb = 0;
    std::string examples;
    for (size_t i = 0; i < want.size(); ++i) {
      const int a = static_cast<int8_t>(want[i]), b = static_cast<int8_t>(got[i]);
      if (a == b) continue;
      ++differ;
      max_lsb = std::max(max_lsb, std::abs(a - b));
      if (differ <= 6) examples += " [" + std::to_string(i) + "] " + std::to_string(a) + "/" + std::to_string(b);
    }
    std::printf("op %3d %-40s %6zu/%-6zu differ, max %3d LSB%s%s\n", op, name.c_str(), differ, want.size(), max_lsb,
                differ ? "  TFLite/tinyrt:" : "", examples.c_str());
    if (differ && first_bad < 0) first_bad = op;
  }
  std::printf("first op that differs: %d\n", first_bad);
  return 0;
}
