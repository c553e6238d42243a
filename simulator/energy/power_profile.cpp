#include "energy/power_profile.h"

namespace tinysim {
namespace {

/// A figure {value, source} from a map like `sleep: {current: 1.5 uA, source: ...}`.
Result<SourcedFigure> sourced(const YamlFields& parent, std::string_view key, std::string_view value_key,
                              Dimension dimension) {
  auto m = parent.map(key);
  if (!m) return m.error();
  SourcedFigure f;
  auto v = m->quantity(value_key, dimension);
  if (!v) return v.error();
  auto s = m->text("source");
  if (!s) return m->error("source", "every figure needs its datasheet source");
  f.value = v.value();
  f.source = s.value();
  return f;
}

}  // namespace

double PowerProfile::current(PowerState state, uint32_t clock_hz) const {
  switch (state) {
    case PowerState::Run: return run_current_per_hz.value * clock_hz;
    case PowerState::Sleep: return sleep_current.value;
    case PowerState::DeepSleep: return deep_sleep_current.value;
  }
  return 0;
}

Result<PowerProfile> parse_power_profile(const YamlFields& power) {
  if (Status s = power.only({"supply", "run", "sleep", "deep_sleep", "wakeup", "radio"})) return *s;
  PowerProfile p;
  auto supply = sourced(power, "supply", "voltage", Dimension::Voltage);
  if (!supply) return supply.error();
  p.supply_voltage = supply.value();

  auto run = power.map("run");
  if (!run) return run.error();
  if (Status s = run->only({"current", "at", "source"})) return *s;
  auto basis = run->text("current");
  if (!basis) return basis.error();
  auto source = run->text("source");
  if (!source) return run->error("source", "every figure needs its datasheet source");
  p.run_basis = basis.value();
  p.run_current_per_hz.source = source.value();
  if (run->has("at")) {
    auto amps = run->quantity("current", Dimension::Current);
    auto hz = run->quantity("at", Dimension::Frequency);
    if (!amps) return amps.error();
    if (!hz) return hz.error();
    if (hz.value() <= 0) return run->error("at", "clock must be positive");
    p.run_current_per_hz.value = amps.value() / hz.value();
    p.run_basis += " at " + run->text("at").value();
  } else {
    auto per_hz = run->quantity("current", Dimension::CurrentPerHz);
    if (!per_hz) return per_hz.error();
    p.run_current_per_hz.value = per_hz.value();
  }

  for (auto [key, into] : {std::pair{"sleep", &p.sleep_current}, std::pair{"deep_sleep", &p.deep_sleep_current}}) {
    auto f = sourced(power, key, "current", Dimension::Current);
    if (!f) return f.error();
    *into = f.value();
  }
  if (power.has("wakeup")) {
    auto f = sourced(power, "wakeup", "time", Dimension::Time);
    if (!f) return f.error();
    p.wakeup_time = f.value();
  }
  if (power.has("radio")) {
    auto radio = power.map("radio");
    if (!radio) return radio.error();
    if (Status s = radio->only({"tx_current", "bitrate", "source"})) return *s;
    auto tx = radio->quantity("tx_current", Dimension::Current);
    auto rate = radio->quantity("bitrate", Dimension::Frequency);
    auto src = radio->text("source");
    if (!tx) return tx.error();
    if (!rate) return rate.error();
    if (!src) return radio->error("source", "every figure needs its datasheet source");
    p.radio_tx_current = SourcedFigure{tx.value(), src.value()};
    p.radio_bitrate = SourcedFigure{rate.value(), src.value()};
  }
  return p;
}

}  // namespace tinysim
