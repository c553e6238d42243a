// Scratch files for tests. ctest -j runs the tests of one executable as separate processes at
// the same time (and several build trees share /tmp), so a fixed name in /tmp is a race: every
// process gets its own directory, removed when the process ends.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace tinysim::test {

/// This process's scratch directory (created on first use).
inline const std::filesystem::path& scratch_dir() {
  struct Dir {
    std::filesystem::path path = std::filesystem::path(testing::TempDir()) / ("tinysim-" + std::to_string(::getpid()));
    Dir() {
      std::filesystem::remove_all(path);  // left by an earlier process with the same id
      std::filesystem::create_directories(path);
    }
    ~Dir() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  };
  static const Dir dir;
  return dir.path;
}

/// A file path in this process's scratch directory.
inline std::string scratch_path(const std::string& name) { return (scratch_dir() / name).string(); }

/// A fresh, empty subdirectory of this process's scratch directory.
inline std::string fresh_scratch_dir(const std::string& name) {
  const std::filesystem::path dir = scratch_dir() / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

}  // namespace tinysim::test
