#include "train/normalization_settings.h"

#include <cstdlib>

namespace tinysim {
namespace {

/// The whole numbers of the list at `key`, one per channel, each in [low, high].
Result<std::vector<long>> per_channel(const YamlFields& f, std::string_view key, unsigned channels, long low,
                                      long high, const std::string& what) {
  const YAML::Node list = f.node()[std::string(key)];
  const std::string expected = "expected a list of " + std::to_string(channels) + " " + what + " (one per channel)";
  if (!list.IsDefined()) return f.error(key, "missing: " + expected);
  if (!list.IsSequence() || list.size() != channels)
    return f.error(key, expected + (list.IsSequence() ? ", got " + std::to_string(list.size()) : std::string()));
  std::vector<long> values;
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string text = list[i].IsScalar() ? list[i].Scalar() : std::string();
    char* end = nullptr;
    const long v = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end || v < low || v > high)
      return f.error(key, "channel " + std::to_string(i) + ": expected a whole number from " + std::to_string(low) + " to " +
                              std::to_string(high) + ", got '" + text + "'");
    values.push_back(v);
  }
  return values;
}

}  // namespace

Result<ChannelNormalizations> parse_normalization(const YamlFields& features, unsigned channels) {
  if (channels > tinyrt::kMaxNormalizedChannels)
    return features.error("kind", "normalized features take at most " +
                                      std::to_string(tinyrt::kMaxNormalizedChannels) + " channels, the sensor has " +
                                      std::to_string(channels));
  auto offsets = per_channel(features, "offset", channels, -32768, 32767, "offsets in counts");
  if (!offsets) return offsets.error();
  auto shifts = per_channel(features, "shift", channels, 0, tinyrt::kMaxNormalizationShift, "shifts (0 to 15)");
  if (!shifts) return shifts.error();
  ChannelNormalizations out{};
  for (unsigned c = 0; c < channels; ++c) {
    out[c].offset = static_cast<int16_t>((*offsets)[c]);
    out[c].shift = static_cast<uint8_t>((*shifts)[c]);
  }
  return out;
}

}  // namespace tinysim
