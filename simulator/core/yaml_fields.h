#pragma once
// Reading fields of the project's YAML files (devices, batteries, scenarios) with
// errors that say file:line:column, the field and what was expected.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/error.h"
#include "core/quantity.h"

namespace tinysim {

/// One YAML map being read: where it came from and its path ("power.sleep").
class YamlFields {
 public:
  YamlFields(YAML::Node node, std::string file, std::string path)
      : node_(std::move(node)), file_(std::move(file)), path_(std::move(path)) {}

  /// An error located at `key` (or at this map when the key is absent).
  Error error(std::string_view key, const std::string& message) const;
  /// Rejects keys outside `known`, naming the first unknown one and the known ones.
  Status only(std::initializer_list<std::string_view> known) const;
  Status only(const std::vector<std::string_view>& known) const;

  bool has(std::string_view key) const { return node_[std::string(key)].IsDefined(); }
  Result<std::string> text(std::string_view key) const;
  Result<double> quantity(std::string_view key, Dimension dimension) const;
  Result<double> number(std::string_view key) const;
  /// The nested map at `key` as YamlFields, or an error if it is not a map.
  Result<YamlFields> map(std::string_view key) const;

  const YAML::Node& node() const { return node_; }
  const std::string& file() const { return file_; }
  std::string field(std::string_view key) const { return path_.empty() ? std::string(key) : path_ + "." + std::string(key); }

 private:
  YAML::Node node_;
  std::string file_;
  std::string path_;
};

/// Reads a YAML file; `what` names it in errors ("the scenario file"). A syntax error
/// carries the line and column.
Result<YAML::Node> load_yaml_file(const std::string& path, const std::string& what);

}  // namespace tinysim
