#pragma once
// Reads a reference model from ../shared/models (test data outside the product).
#include <cstdint>
#include <string>
#include <vector>

namespace tinysim::test {

/// The bytes of ../shared/models/<name>; fails the calling test (not skip) when absent.
std::vector<uint8_t> shared_model(const std::string& name);

}  // namespace tinysim::test
