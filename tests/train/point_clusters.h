#pragma once
// Tiny classification data for training tests: three classes of 2-D points around
// (-1, 0), (1, 0) and (0, top), each coordinate jittered uniformly by +-jitter.
#include "sensors/seeded_random.h"
#include "train/trainer.h"

namespace tinysim {

inline Examples point_clusters(int per_class, uint64_t seed, float top, double jitter) {
  SeededRandom random(seed);
  const float centres[3][2] = {{-1.0f, 0.0f}, {1.0f, 0.0f}, {0.0f, top}};
  Examples e;
  e.inputs.resize(2, 3 * per_class);
  e.targets = Eigen::MatrixXf::Zero(3, 3 * per_class);
  for (int i = 0; i < 3 * per_class; ++i) {
    const int label = i % 3;
    e.inputs(0, i) = centres[label][0] + static_cast<float>(random.uniform(-jitter, jitter));
    e.inputs(1, i) = centres[label][1] + static_cast<float>(random.uniform(-jitter, jitter));
    e.targets(label, i) = 1.0f;
    e.labels.push_back(label);
  }
  return e;
}

}  // namespace tinysim
