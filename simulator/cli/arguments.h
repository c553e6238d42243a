#pragma once
// Command-line arguments after the subcommand: positionals and --options.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"

namespace tinysim::cli {

/// Parsed arguments; flags are options without a value.
struct Arguments {
  std::string executable;             ///< argv[0], to find devices/ and firmware/
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  ///< "--device" -> "stm32l476rg"
  std::set<std::string> flags;                 ///< "--trace"

  std::optional<std::string> option(const std::string& name) const;
  bool flag(const std::string& name) const { return flags.count(name) > 0; }
  /// A non-negative integer option ("1e9" and "1000000000" both work); nullopt if absent.
  Result<std::optional<uint64_t>> number(const std::string& name) const;
};

/// Splits argv[first..] given which options take a value and which are flags.
Result<Arguments> parse_arguments(int argc, char** argv, int first, const std::set<std::string>& with_value,
                                  const std::set<std::string>& flags);

}  // namespace tinysim::cli
