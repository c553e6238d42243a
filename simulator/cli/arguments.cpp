#include "arguments.h"

#include <cmath>
#include <cstdlib>

namespace tinysim::cli {

std::optional<std::string> Arguments::option(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

Result<std::optional<uint64_t>> Arguments::number(const std::string& name) const {
  auto text = option(name);
  if (!text) return std::optional<uint64_t>{};
  char* end = nullptr;
  const double value = std::strtod(text->c_str(), &end);
  if (text->empty() || *end != '\0' || !(value >= 1) || value > 1e19 || value != std::floor(value))
    return Error{"expected a positive whole number, got '" + *text + "'", "", 0, 0, name};
  return std::optional<uint64_t>{static_cast<uint64_t>(value)};
}

Result<Arguments> parse_arguments(int argc, char** argv, int first, const std::set<std::string>& with_value,
                                  const std::set<std::string>& flags) {
  Arguments args;
  args.executable = argc > 0 ? argv[0] : "";
  for (int i = first; i < argc; ++i) {
    std::string word = argv[i];
    if (word.rfind("--", 0) != 0) {
      args.positional.push_back(word);
      continue;
    }
    std::string value;
    const bool inline_value = word.find('=') != std::string::npos;
    if (inline_value) {
      value = word.substr(word.find('=') + 1);
      word = word.substr(0, word.find('='));
    }
    if (flags.count(word) && !inline_value) {
      args.flags.insert(word);
    } else if (with_value.count(word)) {
      if (!inline_value) {
        if (i + 1 >= argc) return Error{"expects a value", "", 0, 0, word};
        value = argv[++i];
      }
      args.options[word] = value;
    } else {
      return Error{"unknown option", "", 0, 0, word};
    }
  }
  return args;
}

}  // namespace tinysim::cli
