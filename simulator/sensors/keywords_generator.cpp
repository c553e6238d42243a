#include "sensors/keywords_generator.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "sensors/seeded_random.h"
#include "sensors/source_params.h"
#include "sensors/wav_file.h"

namespace tinysim {
namespace {

enum SlotKind : size_t { kKeyword, kUnknown, kSilence };
const std::vector<std::string> kSlotKinds{"keyword", "unknown", "silence"};

struct Clip {
  std::string file;
  std::vector<int16_t> samples;
};

/// Clips by word, each word's clips in file-name order.
using ClipLibrary = std::map<std::string, std::vector<Clip>>;

Result<ClipLibrary> load_clips(const std::string& dir, SampleRate rate) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".wav") files.push_back(it->path());
  }
  if (ec) return make_error("cannot list the keyword clips: " + ec.message(), dir);
  std::sort(files.begin(), files.end());
  ClipLibrary library;
  for (const auto& path : files) {
    const std::string stem = path.stem().string();
    const size_t underscore = stem.rfind('_');
    if (underscore == std::string::npos || underscore == 0) continue;  // not <word>_<speaker>.wav
    auto audio = read_wav(path.string());
    if (!audio) return audio.error();
    if (audio->channels != 1 || SampleRate{audio->sample_rate, 1}.hz_num * rate.hz_den != rate.hz_num) {
      return make_error("a keyword clip must be mono at the sensor's rate (" +
                            std::to_string(rate.hz_num / rate.hz_den) + " Hz), this one has " +
                            std::to_string(audio->channels) + " channel(s) at " +
                            std::to_string(audio->sample_rate) + " Hz",
                        path.string());
    }
    if (audio->frames() == 0) return make_error("the keyword clip is empty", path.string());
    library[stem.substr(0, underscore)].push_back({path.filename().string(), std::move(audio->samples)});
  }
  if (library.empty()) return make_error("no <word>_<speaker>.wav keyword clips here", dir);
  return library;
}

/// `clip` played `speed` times faster (pitch and tempo together), by linear interpolation.
std::vector<double> play_at(const std::vector<int16_t>& clip, double speed) {
  const auto length = static_cast<size_t>(std::floor(static_cast<double>(clip.size() - 1) / speed)) + 1;
  std::vector<double> out(length);
  for (size_t k = 0; k < length; ++k) {
    const double x = static_cast<double>(k) * speed;
    const auto i = static_cast<size_t>(x);
    const double frac = x - static_cast<double>(i);
    const double next = i + 1 < clip.size() ? clip[i + 1] : clip[i];
    out[k] = clip[i] * (1.0 - frac) + next * frac;
  }
  return out;
}

/// Background noise with unit variance: a one-pole low-passed Gaussian (pole 0.95) plus
/// the white noise itself — more energy at low frequencies, like room and street noise.
class BackgroundNoise {
 public:
  explicit BackgroundNoise(uint64_t seed) : random_(seed, 3) {}
  double next() {
    const double w = random_.normal();
    low_ = 0.95 * low_ + w;
    // var(low) = 1 / (1 - 0.95^2), cov(low, w) = 1: var(low + w) = 1/0.0975 + 1 + 2.
    return (low_ + w) / std::sqrt(1.0 / 0.0975 + 3.0);
  }

 private:
  SeededRandom random_;
  double low_ = 0.0;
};

}  // namespace

std::string default_keyword_clips_dir() {
#ifdef TINYSIM_BUILD_SOURCE_DIR
  return std::string(TINYSIM_BUILD_SOURCE_DIR) + "/scenarios/data/keywords/held_out";
#else
  return "scenarios/data/keywords/held_out";
#endif
}

Result<KeywordStream> generate_keywords(const KeywordSettings& settings, SampleRate rate, uint64_t frames,
                                        uint64_t seed) {
  auto library = load_clips(settings.clips_dir, rate);
  if (!library) return library.error();
  std::vector<std::string> unknown;
  for (const auto& [word, clips] : *library) {
    if (std::find(settings.keywords.begin(), settings.keywords.end(), word) == settings.keywords.end()) {
      unknown.push_back(word);
    }
  }
  for (const std::string& keyword : settings.keywords) {
    if (library->count(keyword) == 0) {
      std::string words;
      for (const auto& [word, clips] : *library) words += (words.empty() ? "" : ", ") + word;
      return make_error("no clip of the keyword '" + keyword + "' (clips of: " + words + ")", settings.clips_dir);
    }
  }
  std::vector<double> mix = settings.mix;
  if (settings.keywords.empty()) mix[kKeyword] = 0.0;
  if (unknown.empty()) mix[kUnknown] = 0.0;
  if (!(mix[kKeyword] + mix[kUnknown] + mix[kSilence] > 0.0)) {
    return make_error("no slot kind left to draw: no keywords, no other words and no silence", settings.clips_dir);
  }

  std::vector<std::string> labels{kSilenceLabel, kUnknownLabel};
  labels.insert(labels.end(), settings.keywords.begin(), settings.keywords.end());
  KeywordStream stream{std::make_shared<GeneratedSource>(rate, 1, labels), {}};
  std::vector<float> mixed(frames);  // float: 10 min of audio is 38 MB
  BackgroundNoise noise(seed);
  SeededRandom random(seed, 4);
  const uint64_t slot_frames = std::max<uint64_t>(1, frames_in(settings.slot_seconds, rate));
  const double base_level = 32768.0 * std::pow(10.0, settings.noise_dbfs / 20.0);
  double previous_level = base_level;
  for (uint64_t slot = 0; slot * slot_frames < frames; ++slot) {
    const uint64_t first = slot * slot_frames;
    const uint64_t length = std::min(slot_frames, frames - first);
    // The noise level moves linearly from the last slot's to this slot's, so it never jumps.
    const double level = base_level * std::pow(10.0, random.uniform(-1.0, 1.0) * settings.noise_spread_db / 20.0);
    for (uint64_t i = 0; i < length; ++i) {
      const double s = static_cast<double>(i) / static_cast<double>(slot_frames);
      mixed[first + i] = static_cast<float>(noise.next() * (previous_level + (level - previous_level) * s));
    }
    previous_level = level;

    const auto kind = static_cast<SlotKind>(random.pick(mix));
    if (kind == kSilence) {
      stream.source->set_label_from(first, 0);
      continue;
    }
    const std::string& word = kind == kKeyword ? settings.keywords[random.below(settings.keywords.size())]
                                               : unknown[random.below(unknown.size())];
    stream.source->set_label_from(first, kind == kKeyword ? stream.source->label_index(word) : 1);
    const std::vector<Clip>& clips = library->at(word);
    const Clip& clip = clips[random.below(clips.size())];
    std::vector<double> speech = play_at(clip.samples, 1.0 + random.uniform(-1.0, 1.0) * settings.speed_spread);
    if (speech.size() > length) speech.resize(length);  // a slot shorter than the word cuts it
    const uint64_t offset = random.below(length - speech.size() + 1);
    // Scale the word so its energy over its samples is snr times the noise's energy there.
    double speech_energy = 0.0, noise_energy = 0.0;
    for (size_t k = 0; k < speech.size(); ++k) {
      speech_energy += speech[k] * speech[k];
      noise_energy += double(mixed[first + offset + k]) * mixed[first + offset + k];
    }
    const double gain =
        speech_energy > 0.0 ? std::sqrt(std::pow(10.0, settings.snr_db / 10.0) * noise_energy / speech_energy) : 0.0;
    for (size_t k = 0; k < speech.size(); ++k) mixed[first + offset + k] += static_cast<float>(gain * speech[k]);
    stream.words.push_back({first + offset, speech.size(), word, clip.file});
  }
  std::vector<int16_t>& samples = stream.source->samples();
  samples.resize(frames);
  for (uint64_t i = 0; i < frames; ++i) samples[i] = saturate16(mixed[i]);
  return stream;
}

Result<std::shared_ptr<const SensorSource>> make_keywords_source(const YamlFields& fields,
                                                                 const SourceContext& context) {
  if (auto bad = fields.only({"generator", "seed", "keywords", "mix", "slot", "snr_db", "noise_dbfs",
                              "noise_spread_db", "speed_spread", "clips"})) {
    return *bad;
  }
  if (auto bad = expect_channels(fields, context, 1, "16-bit PCM audio")) return *bad;
  if (auto bad = expect_duration(fields, context)) return *bad;
  KeywordSettings settings;
  settings.clips_dir = default_keyword_clips_dir();
  if (fields.has("clips")) {
    auto clips = fields.text("clips");
    if (!clips) return clips.error();
    settings.clips_dir = resolve_path(*clips, context);
  }
  if (fields.has("keywords")) {
    const YAML::Node list = fields.node()["keywords"];
    if (!list.IsSequence()) return fields.error("keywords", "expected a list of words, e.g. [yes, no]");
    settings.keywords.clear();
    for (const auto& item : list) {
      if (!item.IsScalar()) return fields.error("keywords", "expected a list of words, e.g. [yes, no]");
      const std::string word = item.as<std::string>();
      if (std::find(settings.keywords.begin(), settings.keywords.end(), word) != settings.keywords.end()) {
        return fields.error("keywords", "'" + word + "' is listed twice");
      }
      settings.keywords.push_back(word);
    }
  }
  auto mix = optional_per_class(fields, "mix", kSlotKinds, settings.mix, Dimension::Fraction, {0.0, 1e6, ""});
  if (!mix) return mix.error();
  settings.mix = *mix;
  auto slot = optional_quantity(fields, "slot", Dimension::Time, settings.slot_seconds, {0.25, 60.0, "s"});
  if (!slot) return slot.error();
  settings.slot_seconds = *slot;
  if (auto bad = read_numbers(fields, {
          {"snr_db", &settings.snr_db, {-20.0, 60.0, "dB"}},
          {"noise_dbfs", &settings.noise_dbfs, {-90.0, -10.0, "dBFS"}},
          {"noise_spread_db", &settings.noise_spread_db, {0.0, 20.0, "dB"}},
          {"speed_spread", &settings.speed_spread, {0.0, 0.3, ""}},
      })) {
    return *bad;
  }
  auto seed = source_seed(fields, context);
  if (!seed) return seed.error();

  auto stream = generate_keywords(settings, context.rate, frames_in(context.duration_seconds, context.rate), *seed);
  if (!stream) {
    Error e = stream.error();
    return fields.error(fields.has("clips") ? "clips" : "generator", e.describe());
  }
  return std::shared_ptr<const SensorSource>(stream->source);
}

}  // namespace tinysim
