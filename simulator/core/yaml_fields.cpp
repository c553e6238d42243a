#include "core/yaml_fields.h"

namespace tinysim {

Error YamlFields::error(std::string_view key, const std::string& message) const {
  Error e;
  e.message = message;
  e.file = file_;
  e.field = key.empty() ? path_ : field(key);
  const YAML::Node at = key.empty() ? node_ : node_[std::string(key)];
  const YAML::Mark mark = at.IsDefined() ? at.Mark() : node_.Mark();
  if (mark.line >= 0) {
    e.line = mark.line + 1;
    e.column = mark.column + 1;
  }
  return e;
}

Status YamlFields::only(std::initializer_list<std::string_view> known) const {
  return only(std::vector<std::string_view>(known));
}

Status YamlFields::only(const std::vector<std::string_view>& known) const {
  if (!node_.IsMap()) return error("", "expected a map");
  for (const auto& entry : node_) {
    if (!entry.first.IsScalar()) {  // `{on, [a, b]: 1}`: a list or map used as a key
      Error e = error("", "expected key names, found a list or map used as a key");
      e.line = entry.first.Mark().line + 1;
      e.column = entry.first.Mark().column + 1;
      return e;
    }
    const std::string key = entry.first.Scalar();
    bool ok = false;
    for (std::string_view k : known) ok = ok || key == k;
    if (ok) continue;
    std::string list;
    for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
    Error e = error("", "unknown key '" + key + "'; expected one of: " + list);
    e.field = field(key);
    e.line = entry.first.Mark().line + 1;
    e.column = entry.first.Mark().column + 1;
    return e;
  }
  return std::nullopt;
}

Result<std::string> YamlFields::text(std::string_view key) const {
  const YAML::Node n = node_[std::string(key)];
  if (!n.IsDefined()) return error(key, "missing");
  if (!n.IsScalar()) return error(key, "expected a single value");
  return n.as<std::string>();
}

Result<double> YamlFields::quantity(std::string_view key, Dimension dimension) const {
  auto t = text(key);
  if (!t) return t.error();
  auto q = parse_quantity(t.value(), dimension);
  if (!q) return error(key, q.error().message);
  return q.value();
}

Result<double> YamlFields::number(std::string_view key) const { return quantity(key, Dimension::Fraction); }

Result<YamlFields> YamlFields::map(std::string_view key) const {
  const YAML::Node n = node_[std::string(key)];
  if (!n.IsDefined()) return error(key, "missing");
  if (!n.IsMap()) return error(key, "expected a map");
  return YamlFields(n, file_, field(key));
}

Result<YAML::Node> load_yaml_file(const std::string& path, const std::string& what) {
  try {
    return YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    return make_error("cannot open " + what, path);
  } catch (const YAML::ParserException& e) {
    Error err = make_error("not valid YAML: " + e.msg, path);
    err.line = e.mark.line + 1;
    err.column = e.mark.column + 1;
    return err;
  } catch (const YAML::Exception& e) {
    return make_error("cannot read " + what + ": " + e.msg, path);
  }
}

}  // namespace tinysim
