#pragma once
// SHA-256 (FIPS 180-4) of a byte string, as 64 lowercase hex digits: the test checks that
// the model it runs is the one the golden outputs were made from.
#include <cstddef>
#include <cstdint>
#include <string>

namespace tinysim::test {

std::string sha256_hex(const uint8_t* data, size_t size);

}  // namespace tinysim::test
