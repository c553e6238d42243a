#include "energy/power_profile.h"

#include "core/join.h"

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

namespace {

/// The figures `m` gives, over those already in `p`: every one when `required` (the
/// default figures), else only the keys present (a regulator mode's differences).
Status parse_figures(const YamlFields& m, PowerProfile& p, bool required) {
  if (required || m.has("supply")) {
    auto supply = sourced(m, "supply", "voltage", Dimension::Voltage);
    if (!supply) return supply.error();
    p.supply_voltage = supply.value();
  }
  for (auto [key, into] : {std::pair{"run", &p.run}, std::pair{"sleep", &p.sleep},
                           std::pair{"deep_sleep", &p.deep_sleep}}) {
    if (!required && !m.has(key)) continue;
    auto c = state_current(m, key);
    if (!c) return c.error();
    *into = c.value();
  }
  if (m.has("wakeup")) {
    auto f = sourced(m, "wakeup", "time", Dimension::Time);
    if (!f) return f.error();
    p.wakeup_time = f.value();
  }
  if (m.has("radio")) {
    auto radio = m.map("radio");
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
  return std::nullopt;
}

}  // namespace

Result<PowerProfile> parse_power_profile(const YamlFields& power, const std::string& regulator) {
  if (Status s = power.only({"supply", "run", "sleep", "deep_sleep", "wakeup", "radio", "regulator", "regulators"}))
    return *s;
  PowerProfile p;
  if (Status s = parse_figures(power, p, true)) return *s;
  if (power.has("regulator")) {
    auto mode = power.text("regulator");
    if (!mode) return mode.error();
    p.regulator = mode.value();
    p.regulators.push_back(p.regulator);
  }
  std::optional<YamlFields> others;
  if (power.has("regulators")) {
    if (p.regulator.empty())
      return power.error("regulators", "name the regulator mode of the default figures in `regulator:` (e.g. dcdc)");
    auto m = power.map("regulators");
    if (!m) return m.error();
    for (const auto& entry : m->node()) {
      if (!entry.first.IsScalar()) return power.error("regulators", "expected regulator mode names (e.g. ldo) as keys");
      p.regulators.push_back(entry.first.Scalar());
    }
    others = m.value();
  }
  if (regulator.empty() || regulator == p.regulator) return p;
  if (!others || !others->has(regulator))
    return Error{"no regulator mode '" + regulator + "' in the device's power: section; " +
                     (p.regulators.empty() ? std::string("it gives figures for one mode only")
                                           : "its modes: " + join(p.regulators)),
                 power.file(), 0, 0, power.field("regulator")};
  auto mode = others->map(regulator);
  if (!mode) return mode.error();
  if (Status s = mode->only({"supply", "run", "sleep", "deep_sleep", "wakeup", "radio"})) return *s;
  if (Status s = parse_figures(mode.value(), p, false)) return *s;
  p.regulator = regulator;
  return p;
}

}  // namespace tinysim
