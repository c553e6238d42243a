#pragma once
// `generator: keywords`: 16 kHz mono audio for keyword spotting. The stream is cut into
// slots (1 s by default); each slot holds a keyword, another ("unknown") word, or only
// background noise, drawn from the seed. Words are the shipped espeak-ng clips of one
// folder (scenarios/data/keywords/training or held_out: different speakers), each placed
// at a random offset in its slot, played slightly faster or slower, and scaled to the
// chosen SNR against the noise under it. Labels and the SNR's exact definition:
// docs/sensors.md.
#include <memory>
#include <string>
#include <vector>

#include "sensors/generated_source.h"
#include "sensors/source_factory.h"

namespace tinysim {

inline constexpr const char* kSilenceLabel = "_silence_";
inline constexpr const char* kUnknownLabel = "_unknown_";

struct KeywordSettings {
  std::string clips_dir;  ///< folder of <word>_<speaker>.wav clips
  std::vector<std::string> keywords{"yes", "no", "up", "down"};
  std::vector<double> mix{6.0, 2.0, 2.0};  ///< weights of keyword, unknown, silence slots
  double slot_seconds = 1.0;
  double snr_db = 10.0;
  double noise_dbfs = -40.0;      ///< rms of the background noise against full scale (32768)
  double noise_spread_db = 3.0;   ///< each slot's noise level varies uniformly by +-this
  double speed_spread = 0.05;     ///< each word plays at 1 +- this speed (pitch and tempo)
};

/// Where a word was placed, for tests and tools.
struct SpokenWord {
  uint64_t first_frame;
  uint64_t frames;
  std::string word;
  std::string clip;  ///< file name
};

struct KeywordStream {
  std::shared_ptr<GeneratedSource> source;
  std::vector<SpokenWord> words;
};

/// The shipped held-out speakers' clips (scenarios/data/keywords/held_out): voices no
/// zoo model was trained on, so a scenario measures what an unseen speaker gets.
std::string default_keyword_clips_dir();

/// Errors if the clips are missing, unreadable or not at `rate`.
Result<KeywordStream> generate_keywords(const KeywordSettings& settings, SampleRate rate, uint64_t frames,
                                        uint64_t seed);

Result<std::shared_ptr<const SensorSource>> make_keywords_source(const YamlFields& fields,
                                                                 const SourceContext& context);

}  // namespace tinysim
