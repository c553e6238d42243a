#include "model_file.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

namespace tinysim::test {

std::vector<uint8_t> shared_model(const std::string& name) {
  const std::string path = std::string(TINYSIM_SHARED_DIR) + "/models/" + name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "reference model missing: " << path
                         << " (these tests need the project's ../shared/models folder)";
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

}  // namespace tinysim::test
