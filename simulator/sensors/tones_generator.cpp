#include "sensors/tones_generator.h"

#include <cmath>

#include "sensors/generated_source.h"
#include "sensors/source_params.h"
#include "sensors/synthetic_source.h"

namespace tinysim {
namespace {

Result<SyntheticTone> read_tone(const YamlFields& tone) {
  if (auto bad = tone.only({"frequency", "amplitude", "offset"})) return *bad;
  SyntheticTone t;
  auto frequency = optional_quantity(tone, "frequency", Dimension::Frequency, 0.0, {0.0, 1e9, "Hz"});
  if (!frequency) return frequency.error();
  auto amplitude = optional_number(tone, "amplitude", 0.0, {0.0, 32767.0, "counts"});
  if (!amplitude) return amplitude.error();
  auto offset = optional_number(tone, "offset", 0.0, {-32768.0, 32767.0, "counts"});
  if (!offset) return offset.error();
  return SyntheticTone{*frequency, *amplitude, *offset};
}

Result<SyntheticSegment> read_segment(const YamlFields& segment, const SourceContext& context) {
  if (auto bad = segment.only({"label", "duration", "frames", "tones"})) return *bad;
  SyntheticSegment s;
  if (segment.has("label")) {
    auto label = segment.text("label");
    if (!label) return label.error();
    s.label = *label;
  }
  if (segment.has("duration") == segment.has("frames")) {
    return segment.error("", "give a segment's length as either duration (e.g. 2 s) or frames");
  }
  if (segment.has("frames")) {
    auto frames = optional_number(segment, "frames", 0.0, {1.0, 1e12, "frames"});
    if (!frames) return frames.error();
    if (*frames != std::floor(*frames)) return segment.error("frames", "expected a whole number of frames");
    s.frames = static_cast<uint64_t>(*frames);
  } else {
    auto seconds = optional_quantity(segment, "duration", Dimension::Time, 0.0, {0.0, 1e7, "s"});
    if (!seconds) return seconds.error();
    s.frames = frames_in(*seconds, context.rate);
    if (s.frames == 0) return segment.error("duration", "shorter than one frame at " + describe_rate(context.rate));
  }
  const YAML::Node tones = segment.node()["tones"];
  if (!tones.IsDefined()) return segment.error("tones", "missing: one {frequency, amplitude, offset} per channel");
  if (tones.IsMap()) {  // one tone for every channel
    auto tone = read_tone(YamlFields(tones, segment.file(), segment.field("tones")));
    if (!tone) return tone.error();
    s.tones.assign(context.channels, *tone);
    return s;
  }
  if (!tones.IsSequence() || tones.size() != context.channels) {
    return segment.error("tones", "expected a list of one tone per channel (" + std::to_string(context.channels) +
                                      ") or a single tone for all");
  }
  for (size_t c = 0; c < tones.size(); ++c) {
    auto tone = read_tone(YamlFields(tones[c], segment.file(), segment.field("tones") + "[" + std::to_string(c) + "]"));
    if (!tone) return tone.error();
    s.tones.push_back(*tone);
  }
  return s;
}

}  // namespace

Result<std::shared_ptr<const SensorSource>> make_tones_source(const YamlFields& fields,
                                                              const SourceContext& context) {
  if (auto bad = fields.only({"generator", "seed", "noise", "segments"})) return *bad;
  if (context.channels == kSourceChannels)
    return fields.error("generator", "tones makes exactly the sensor's channels; there is nothing to take from");
  SyntheticSettings settings;
  settings.rate = context.rate;
  settings.channels = context.channels;
  auto seed = source_seed(fields, context);
  if (!seed) return seed.error();
  settings.seed = *seed;
  auto noise = optional_number(fields, "noise", 0.0, {0.0, 32767.0, "counts"});
  if (!noise) return noise.error();
  settings.noise_amplitude = static_cast<uint32_t>(std::lround(*noise));

  const YAML::Node segments = fields.node()["segments"];
  if (!segments.IsSequence() || segments.size() == 0) {
    return fields.error("segments", "expected a list of segments {label, duration or frames, tones}");
  }
  std::vector<SyntheticSegment> pattern;
  for (size_t i = 0; i < segments.size(); ++i) {
    auto segment = read_segment(
        YamlFields(segments[i], fields.file(), fields.field("segments") + "[" + std::to_string(i) + "]"), context);
    if (!segment) return segment.error();
    pattern.push_back(std::move(*segment));
  }
  // Repeat the pattern until the run is covered, cutting the last segment at its end.
  const uint64_t wanted = context.duration_seconds > 0.0 ? frames_in(context.duration_seconds, context.rate) : 0;
  uint64_t total = 0;
  do {
    for (const SyntheticSegment& segment : pattern) {
      if (wanted > 0 && total >= wanted) break;
      settings.segments.push_back(segment);
      if (wanted > 0 && total + segment.frames > wanted) settings.segments.back().frames = wanted - total;
      total += settings.segments.back().frames;
    }
  } while (total < wanted);

  auto source = SyntheticSensorSource::create(std::move(settings));
  if (!source) {
    Error e = source.error();
    return fields.error("", e.field + ": " + e.message);
  }
  return std::shared_ptr<const SensorSource>(std::make_shared<SyntheticSensorSource>(std::move(*source)));
}

}  // namespace tinysim
