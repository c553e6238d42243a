#pragma once
// The `offset:` and `shift:` lists of `features: {kind: normalized, ...}`, read the same
// way for training specs and scenarios (the model must see on the chip what it saw in
// training). Meaning: docs/scenarios.md, "Features".
#include <array>

#include "core/yaml_fields.h"
#include "features/feature_pipeline.h"

namespace tinysim {

using ChannelNormalizations = std::array<tinyrt::ChannelNormalization, tinyrt::kMaxNormalizedChannels>;

/// One offset (int16 counts) and one shift (0..15) per channel of the sensor, from the
/// `features` map; errors name the field, the index and what was expected.
Result<ChannelNormalizations> parse_normalization(const YamlFields& features, unsigned channels);

}  // namespace tinysim
