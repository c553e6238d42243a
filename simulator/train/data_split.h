#pragma once
// A deterministic train / validation / test split of a stream's windows. Windows go in
// blocks of consecutive windows (a block spans several window lengths), so overlapping
// windows mostly land in the same split and the held-out figures are honest.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tinysim {

enum class Split : uint8_t { kTrain, kValidation, kTest };

/// One Split per window; blocks of `block` windows shuffled by `seed`, then the first
/// `test` fraction of blocks to test, the next `validation` fraction to validation.
std::vector<Split> split_windows(size_t windows, size_t block, double validation, double test, uint64_t seed);

}  // namespace tinysim
