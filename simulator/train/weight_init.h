#pragma once
// Glorot (Xavier) uniform initialisation: U(-l, l) with l = sqrt(6 / (fan_in + fan_out)),
// drawn row by row from the seeded generator so a seed always gives the same network.
#include <cmath>

#include <Eigen/Dense>

#include "sensors/seeded_random.h"

namespace tinysim {

inline Eigen::MatrixXf glorot_uniform(int32_t rows, int32_t cols, int32_t fan_in, int32_t fan_out,
                                      SeededRandom& random) {
  const float limit = std::sqrt(6.0f / static_cast<float>(fan_in + fan_out));
  Eigen::MatrixXf m(rows, cols);
  for (int32_t r = 0; r < rows; ++r)
    for (int32_t c = 0; c < cols; ++c) m(r, c) = static_cast<float>(random.uniform(-limit, limit));
  return m;
}

}  // namespace tinysim
