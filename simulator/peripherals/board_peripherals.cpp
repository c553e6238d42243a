#include "peripherals/board_peripherals.h"

#include <cstdlib>

#include "core/yaml_fields.h"
#include "device/device_section.h"
#include "peripherals/cmsdk_uart.h"

namespace tinysim {

Result<std::unique_ptr<BoardPeripherals>> BoardPeripherals::create(const Device& device, Console& console) {
  std::unique_ptr<BoardPeripherals> out(new BoardPeripherals);
  if (device.file.empty()) return out;
  auto root = device_yaml(device);
  if (!root) return root.error();
  const YamlFields top(*root, device.file, "");
  if (!top.has("peripherals")) return out;
  const YAML::Node list = (*root)["peripherals"];
  if (!list.IsSequence())
    return top.error("peripherals", "expected a list of {kind, name, base, source}");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YamlFields entry(list[i], device.file, "peripherals[" + std::to_string(i) + "]");
    if (!list[i].IsMap()) return entry.error("", "expected a map {kind, name, base, source}");
    if (Status s = entry.only({"kind", "name", "base", "source"})) return *s;
    auto kind = entry.text("kind");
    if (!kind) return kind.error();
    auto name = entry.text("name");
    if (!name) return name.error();
    auto base_text = entry.text("base");
    if (!base_text) return base_text.error();
    if (!entry.has("source")) return entry.error("source", "missing: every figure needs its document and section");
    char* end = nullptr;
    const unsigned long long base = std::strtoull(base_text->c_str(), &end, 0);
    if (base_text->empty() || *end != '\0' || base > 0xFFFFF000ull || base % 0x1000 != 0)
      return entry.error("base", "expected a 4 KiB-aligned 32-bit address like 0x40004000, got '" + *base_text + "'");
    if (*kind != "cmsdk_apb_uart") return entry.error("kind", "expected cmsdk_apb_uart, got '" + *kind + "'");
    out->blocks_.push_back(
        std::make_unique<CmsdkUart>(*name, static_cast<uint32_t>(base), console, out->misuse_));
  }
  return out;
}

}  // namespace tinysim
