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

/// `key: {current: <A | A/Hz | A with at: Hz>, source: ...}`.
Result<StateCurrent> state_current(const YamlFields& parent, std::string_view key) {
  auto m = parent.map(key);
  if (!m) return m.error();
  if (Status s = m->only({"current", "at", "source"})) return *s;
  auto basis = m->text("current");
  if (!basis) return basis.error();
  auto source = m->text("source");
  if (!source) return m->error("source", "every figure needs its datasheet source");
  StateCurrent c;
  c.basis = basis.value();
  c.source = source.value();
  if (m->has("at")) {
    auto amps = m->quantity("current", Dimension::Current);
    auto hz = m->quantity("at", Dimension::Frequency);
    if (!amps) return amps.error();
    if (!hz) return hz.error();
    if (hz.value() <= 0) return m->error("at", "clock must be positive");
    c.per_hz = amps.value() / hz.value();
    c.basis += " at " + m->text("at").value();
  } else if (basis->find('/') != std::string::npos) {
    auto per_hz = m->quantity("current", Dimension::CurrentPerHz);
    if (!per_hz) return per_hz.error();
    c.per_hz = per_hz.value();
  } else {
    auto amps = m->quantity("current", Dimension::Current);
    if (!amps) return amps.error();
    c.fixed = amps.value();
  }
  return c;
}

}  // namespace

const StateCurrent& PowerProfile::state(PowerState s) const {
  switch (s) {
    case PowerState::Sleep: return sleep;
    case PowerState::DeepSleep: return deep_sleep;
    default: return run;
  }
}

double PowerProfile::current(PowerState s, uint32_t clock_hz) const { return state(s).at(clock_hz); }

Result<PowerProfile> parse_power_profile(const YamlFields& power) {
  if (Status s = power.only({"supply", "run", "sleep", "deep_sleep", "wakeup", "radio"})) return *s;
  PowerProfile p;
  auto supply = sourced(power, "supply", "voltage", Dimension::Voltage);
  if (!supply) return supply.error();
  p.supply_voltage = supply.value();
  for (auto [key, into] : {std::pair{"run", &p.run}, std::pair{"sleep", &p.sleep},
                           std::pair{"deep_sleep", &p.deep_sleep}}) {
    auto c = state_current(power, key);
    if (!c) return c.error();
    *into = c.value();
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
