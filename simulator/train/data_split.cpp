#include "train/data_split.h"

#include <cmath>
#include <algorithm>
#include <numeric>

#include "sensors/seeded_random.h"

namespace tinysim {

std::vector<Split> split_windows(size_t windows, size_t block, double validation, double test, uint64_t seed) {
  const size_t blocks = (windows + block - 1) / block;
  std::vector<size_t> order(blocks);
  std::iota(order.begin(), order.end(), size_t{0});
  SeededRandom random(seed, 0x5B117);
  random.shuffle(order);
  const auto test_blocks = static_cast<size_t>(std::llround(test * double(blocks)));
  const auto validation_blocks = static_cast<size_t>(std::llround(validation * double(blocks)));
  std::vector<Split> splits(windows, Split::kTrain);
  for (size_t rank = 0; rank < blocks; ++rank) {
    const Split s = rank < test_blocks ? Split::kTest
                    : rank < test_blocks + validation_blocks ? Split::kValidation
                                                             : Split::kTrain;
    for (size_t w = order[rank] * block; w < std::min(windows, (order[rank] + 1) * block); ++w) splits[w] = s;
  }
  return splits;
}

}  // namespace tinysim
