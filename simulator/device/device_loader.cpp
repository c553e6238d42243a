#include "device/device_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "device/device_keys.h"

namespace tinysim {
namespace {

/// Builds errors located at a YAML node.
struct Context {
  std::string file;
  Error at(const YAML::Node& node, const std::string& field, const std::string& message) const {
    Error error{message, file, 0, 0, field};
    if (node.IsDefined() && node.Mark().line >= 0) {
      error.line = node.Mark().line + 1;
      error.column = node.Mark().column + 1;
    }
    return error;
  }
};

template <class Keys>
bool known(const Keys& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

template <class Keys>
std::string list(const Keys& keys) {
  std::string out;
  for (auto key : keys) out += (out.empty() ? "" : ", ") + std::string(key);
  return out;
}

Result<std::string> scalar(const Context& ctx, const YAML::Node& node, const std::string& field) {
  if (!node.IsDefined() || node.IsNull()) return ctx.at(node, field, "missing (expected a value)");
  if (!node.IsScalar()) return ctx.at(node, field, "expected a single value, not a list or map");
  return node.Scalar();
}

/// 0x-hex or decimal integer that fits in 32 bits.
Result<uint32_t> address(const Context& ctx, const YAML::Node& node, const std::string& field) {
  auto text = scalar(ctx, node, field);
  if (!text) return text.error();
  char* end = nullptr;
  const unsigned long long value = std::strtoull(text->c_str(), &end, 0);
  if (text->empty() || *end != '\0' || value > 0xFFFFFFFFull)
    return ctx.at(node, field, "expected a 32-bit address like 0x20000000, got '" + *text + "'");
  return static_cast<uint32_t>(value);
}

/// "96 KiB", "1 MiB", "4096" (bytes) or 0x-hex bytes.
Result<uint32_t> size(const Context& ctx, const YAML::Node& node, const std::string& field) {
  auto text = scalar(ctx, node, field);
  if (!text) return text.error();
  char* end = nullptr;
  unsigned long long value = std::strtoull(text->c_str(), &end, 0);
  std::string unit(end);
  unit.erase(0, unit.find_first_not_of(' '));
  unsigned long long scale = 0;
  if (unit.empty() || unit == "bytes" || unit == "B") scale = 1;
  else if (unit == "KiB") scale = 1024;
  else if (unit == "MiB") scale = 1024 * 1024;
  if (end == text->c_str() || scale == 0 || value == 0 || value * scale > 0x100000000ull)
    return ctx.at(node, field,
                  "expected a size like '96 KiB', '1 MiB' or a byte count, got '" + *text + "'");
  value *= scale;
  if (value > 0xFFFFFFFFull) value = 0xFFFFFFFFull;
  return static_cast<uint32_t>(value);
}

/// A map whose keys are all in `keys`.
template <class Keys>
Status check_keys(const Context& ctx, const YAML::Node& node, const std::string& field, const Keys& keys) {
  if (!node.IsMap()) return ctx.at(node, field, "expected a map with " + list(keys));
  for (const auto& item : node) {
    const std::string key = item.first.Scalar();
    if (!known(keys, key))
      return ctx.at(item.first, field + "." + key, "unknown key (expected one of " + list(keys) + ")");
  }
  return std::nullopt;
}

/// Origin and size multiples of the emulator's page, inside the address space.
Status check_placement(const Context& ctx, const YAML::Node& node, const std::string& field, uint32_t origin,
                       uint32_t bytes) {
  if (uint64_t(origin) + bytes > 0x100000000ull)
    return ctx.at(node["size"], field + ".size", "region runs past the 4 GiB address space");
  if (origin % 4096 != 0 || bytes % 4096 != 0)
    return ctx.at(node["origin"], field, "origin and size must be multiples of 4 KiB (the emulator's page size)");
  return std::nullopt;
}

Result<MemoryRegion> region(const Context& ctx, const YAML::Node& node, const std::string& field) {
  if (auto error = check_keys(ctx, node, field, kMemoryRegionKeys)) return *error;
  MemoryRegion out;
  auto name = scalar(ctx, node["name"], field + ".name");
  if (!name) return name.error();
  out.name = *name;
  auto kind = scalar(ctx, node["kind"], field + ".kind");
  if (!kind) return kind.error();
  if (*kind == "flash") out.kind = MemoryKind::Flash;
  else if (*kind == "sram") out.kind = MemoryKind::Sram;
  else if (*kind == "code_sram") out.kind = MemoryKind::CodeSram;
  else return ctx.at(node["kind"], field + ".kind", "expected flash, sram or code_sram, got '" + *kind + "'");
  auto origin = address(ctx, node["origin"], field + ".origin");
  if (!origin) return origin.error();
  out.origin = *origin;
  auto bytes = size(ctx, node["size"], field + ".size");
  if (!bytes) return bytes.error();
  out.size = *bytes;
  if (auto error = check_placement(ctx, node, field, out.origin, out.size)) return *error;
  auto source = scalar(ctx, node["source"], field + ".source");
  if (!source) return ctx.at(node, field + ".source",
                             "missing: every figure needs its datasheet (document, section)");
  out.source = *source;
  return out;
}

/// One entry of `aliases:`: a region of `device` shown at another address.
Result<MemoryAlias> alias(const Context& ctx, const YAML::Node& node, const std::string& field, const Device& device) {
  if (auto error = check_keys(ctx, node, field, kMemoryAliasKeys)) return *error;
  MemoryAlias out;
  auto name = scalar(ctx, node["name"], field + ".name");
  if (!name) return name.error();
  out.name = *name;
  auto target = scalar(ctx, node["target"], field + ".target");
  if (!target) return target.error();
  const MemoryRegion* shown = device.region_named(*target);
  if (!shown) {
    std::string names;
    for (const auto& r : device.memory) names += (names.empty() ? "" : ", ") + r.name;
    return ctx.at(node["target"], field + ".target",
                  "no memory region named '" + *target + "' (expected one of " + names + ")");
  }
  out.target = *target;
  auto origin = address(ctx, node["origin"], field + ".origin");
  if (!origin) return origin.error();
  out.origin = *origin;
  out.size = shown->size;
  if (node["size"]) {
    auto bytes = size(ctx, node["size"], field + ".size");
    if (!bytes) return bytes.error();
    if (*bytes > shown->size)
      return ctx.at(node["size"], field + ".size",
                    "the alias is " + format_size(*bytes) + " but region '" + shown->name + "' has " +
                        format_size(shown->size));
    out.size = *bytes;
  }
  if (auto error = check_placement(ctx, node, field, out.origin, out.size)) return *error;
  if (node["boot"]) {
    auto boot = scalar(ctx, node["boot"], field + ".boot");
    if (!boot) return boot.error();
    if (*boot != "true" && *boot != "false")
      return ctx.at(node["boot"], field + ".boot", "expected true or false, got '" + *boot + "'");
    out.boot = *boot == "true";
    if (out.boot && !shown->holds_image())
      return ctx.at(node["boot"], field + ".boot",
                    "a boot alias must show the program image (flash or code_sram), not '" + shown->name + "'");
    for (const auto& other : device.aliases)
      if (other.boot) return ctx.at(node["boot"], field + ".boot", "alias '" + other.name + "' is already the boot alias");
  }
  auto source = scalar(ctx, node["source"], field + ".source");
  if (!source) return ctx.at(node, field + ".source", "missing: which reference manual section maps the alias?");
  out.source = *source;
  for (const auto& region : device.memory)
    if (out.origin < region.end() && region.origin < out.end())
      return ctx.at(node, field, "alias '" + out.name + "' overlaps region '" + region.name + "'");
  for (const auto& other : device.aliases)
    if (out.origin < other.end() && other.origin < out.end())
      return ctx.at(node, field, "alias '" + out.name + "' overlaps alias '" + other.name + "'");
  return out;
}

}  // namespace

Result<Device> parse_device(const std::string& text, const std::string& file) {
  const Context ctx{file};
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    return Error{e.msg, file, e.mark.line + 1, e.mark.column + 1, ""};
  }
  if (!root.IsMap()) return ctx.at(root, "", "expected a map of device fields");
  for (const auto& item : root) {
    const std::string key = item.first.Scalar();
    if (!known(kDeviceCoreKeys, key) && !known(kDeviceExtensionKeys, key))
      return ctx.at(item.first, key,
                    "unknown key (expected one of " + list(kDeviceCoreKeys) + ", " +
                        list(kDeviceExtensionKeys) + ")");
  }
  Device device;
  device.file = file;
  auto name = scalar(ctx, root["name"], "name");
  if (!name) return name.error();
  device.name = *name;
  if (root["description"]) {
    auto description = scalar(ctx, root["description"], "description");
    if (!description) return description.error();
    device.description = *description;
  }
  auto core = scalar(ctx, root["core"], "core");
  if (!core) return core.error();
  auto kind = parse_core(*core);
  if (!kind) return ctx.at(root["core"], "core", "expected one of " + core_names() + ", got '" + *core + "'");
  device.core = *kind;
  // clock_hz, and the optional clock_min_hz / clock_max_hz the chip's datasheet gives.
  for (auto [key, into, required] : {std::tuple{"clock_hz", &device.clock_hz, true},
                                     std::tuple{"clock_min_hz", &device.clock_min_hz, false},
                                     std::tuple{"clock_max_hz", &device.clock_max_hz, false}}) {
    if (!required && !root[key].IsDefined()) continue;
    auto clock = scalar(ctx, root[key], key);
    if (!clock) return clock.error();
    char* end = nullptr;
    const unsigned long long hz = std::strtoull(clock->c_str(), &end, 10);
    if (*end != '\0' || hz < 1000 || hz > 2000000000ull)
      return ctx.at(root[key], key, "expected a clock in Hz between 1000 and 2000000000, got '" + *clock + "'");
    *into = static_cast<uint32_t>(hz);
  }
  if (const std::string refusal = device.clock_refusal(device.clock_hz); !refusal.empty())
    return ctx.at(root["clock_hz"], "clock_hz", "the default clock is outside the range: " + refusal);
  auto clock_source = scalar(ctx, root["clock_source"], "clock_source");
  if (!clock_source) return ctx.at(root, "clock_source", "missing: where does clock_hz come from?");
  device.clock_source = *clock_source;

  const YAML::Node memory = root["memory"];
  if (!memory.IsDefined() || !memory.IsSequence() || memory.size() == 0)
    return ctx.at(memory.IsDefined() ? memory : root, "memory",
                  "expected a list of memory regions (name, kind, origin, size, source)");
  for (std::size_t i = 0; i < memory.size(); ++i) {
    auto entry = region(ctx, memory[i], "memory[" + std::to_string(i) + "]");
    if (!entry) return entry.error();
    for (const auto& other : device.memory)
      if (entry->origin < other.end() && other.origin < entry->end())
        return ctx.at(memory[i], "memory[" + std::to_string(i) + "]",
                      "region '" + entry->name + "' overlaps region '" + other.name + "'");
    device.memory.push_back(*entry);
  }
  if (!device.flash())
    return ctx.at(memory, "memory", "expected at least one region of kind flash or code_sram (the program image)");
  if (!device.main_ram()) return ctx.at(memory, "memory", "expected at least one region of kind sram");
  if (const YAML::Node aliases = root["aliases"]) {
    if (!aliases.IsSequence())
      return ctx.at(aliases, "aliases", "expected a list of aliases (name, target, origin, size, source)");
    for (std::size_t i = 0; i < aliases.size(); ++i) {
      auto entry = alias(ctx, aliases[i], "aliases[" + std::to_string(i) + "]", device);
      if (!entry) return entry.error();
      device.aliases.push_back(*entry);
    }
  }
  return device;
}

Result<Device> load_device_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"cannot open device file", path, 0, 0, ""};
  std::stringstream text;
  text << in.rdbuf();
  return parse_device(text.str(), path);
}

}  // namespace tinysim
