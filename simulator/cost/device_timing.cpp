#include "cost/device_timing.h"

#include "device/device_section.h"

namespace tinysim {
namespace {

Result<std::string> sourced_text(const YamlFields& m) {
  auto source = m.text("source");
  if (!source) return m.error("source", "every figure needs its datasheet source");
  return source;
}

Result<unsigned> whole_number(const YamlFields& m, std::string_view key, double max) {
  auto v = m.number(key);
  if (!v) return v.error();
  if (v.value() < 0 || v.value() > max || v.value() != static_cast<double>(static_cast<unsigned>(v.value())))
    return m.error(key, "expected a whole number from 0 to " + std::to_string(static_cast<unsigned>(max)));
  return static_cast<unsigned>(v.value());
}

/// `wait_states: [{up_to: 16 MHz, cycles: 0}, ...]` ascending: the first entry whose
/// clock is at least `clock_hz`.
Result<unsigned> wait_states_at(const YamlFields& flash, uint32_t clock_hz) {
  const YAML::Node list = flash.node()["wait_states"];
  if (!list.IsDefined()) return flash.error("wait_states", "missing: a list of {up_to: <clock>, cycles: <n>}");
  if (!list.IsSequence() || list.size() == 0)
    return flash.error("wait_states", "expected a list of {up_to: <clock>, cycles: <n>}, fastest last");
  double previous = 0;
  for (size_t i = 0; i < list.size(); ++i) {
    const YamlFields entry(list[i], flash.file(), flash.field("wait_states") + "[" + std::to_string(i) + "]");
    if (!list[i].IsMap()) return entry.error("", "expected a map {up_to: <clock>, cycles: <n>}");
    if (Status s = entry.only({"up_to", "cycles"})) return *s;
    auto up_to = entry.quantity("up_to", Dimension::Frequency);
    if (!up_to) return up_to.error();
    auto cycles = whole_number(entry, "cycles", 255);
    if (!cycles) return cycles.error();
    if (up_to.value() <= previous) return entry.error("up_to", "clocks must rise from one entry to the next");
    previous = up_to.value();
    if (clock_hz <= up_to.value()) return cycles.value();
  }
  return flash.error("wait_states", "the device clock " + std::to_string(clock_hz / 1000000.0).substr(0, 6) +
                                        " MHz is above the last entry (" +
                                        std::to_string(previous / 1e6).substr(0, 6) + " MHz): flash cannot run that fast");
}

Result<FlashTiming> parse_flash(const YamlFields& flash, uint32_t clock_hz) {
  if (Status s = flash.only({"wait_states", "source", "line_bytes", "instruction_cache_lines", "data_cache_lines",
                             "prefetch", "accelerator"}))
    return *s;
  FlashTiming f;
  auto ws = wait_states_at(flash, clock_hz);
  if (!ws) return ws.error();
  f.wait_states = ws.value();
  auto source = sourced_text(flash);
  if (!source) return source.error();
  f.wait_state_source = source.value();
  auto line = whole_number(flash, "line_bytes", 4096);
  if (!line) return line.error();
  if (line.value() < 2 || (line.value() & (line.value() - 1)))
    return flash.error("line_bytes", "expected a power of two from 2 to 4096");
  f.line_bytes = line.value();
  for (auto [key, into] : {std::pair{"instruction_cache_lines", &f.instruction_lines},
                           std::pair{"data_cache_lines", &f.data_lines}}) {
    if (!flash.has(key)) continue;
    auto n = whole_number(flash, key, 65536);
    if (!n) return n.error();
    if (n.value() & (n.value() - 1)) return flash.error(key, "expected a power of two (or 0 for no cache)");
    *into = n.value();
  }
  if (flash.has("prefetch")) {
    auto p = flash.text("prefetch");
    if (!p) return p.error();
    if (p.value() != "true" && p.value() != "false") return flash.error("prefetch", "expected true or false");
    f.prefetch = p.value() == "true";
  }
  if (flash.has("accelerator")) {
    auto acc = flash.map("accelerator");
    if (!acc) return acc.error();
    if (Status s = acc->only({"description", "source"})) return *s;
    auto description = acc->text("description");
    if (!description) return description.error();
    auto acc_source = sourced_text(acc.value());
    if (!acc_source) return acc_source.error();
    f.accelerator = description.value();
    f.accelerator_source = acc_source.value();
  }
  return f;
}

}  // namespace

Result<DeviceTiming> parse_device_timing(const YamlFields& timing, CoreKind core, uint32_t clock_hz) {
  if (Status s = timing.only({"multiplier", "flash"})) return *s;
  DeviceTiming t;
  t.from_file = true;
  if (timing.has("multiplier")) {
    auto m = timing.map("multiplier");
    if (!m) return m.error();
    if (Status s = m->only({"kind", "source"})) return *s;
    auto kind = m->text("kind");
    if (!kind) return kind.error();
    if (kind.value() != "single-cycle" && kind.value() != "iterative")
      return m->error("kind", "expected single-cycle or iterative, got '" + kind.value() + "'");
    if (core != CoreKind::CortexM0Plus)
      return m->error("kind", "only the Cortex-M0+ has a multiplier option (this device's core is " +
                                  core_name(core) + ")");
    auto source = sourced_text(m.value());
    if (!source) return source.error();
    t.multiplier = kind.value();
    t.multiplier_source = source.value();
    t.core.iterative_multiplier = kind.value() == "iterative";
  }
  if (timing.has("flash")) {
    auto flash = timing.map("flash");
    if (!flash) return flash.error();
    auto f = parse_flash(flash.value(), clock_hz);
    if (!f) return f.error();
    t.flash = f.value();
  }
  return t;
}

Result<DeviceTiming> device_timing(const Device& device) {
  auto section = device_section(device, "timing");
  if (!section) return section.error();
  if (!section.value()) return DeviceTiming{};
  return parse_device_timing(*section.value(), device.core, device.clock_hz);
}

}  // namespace tinysim
