#pragma once
// Reading WAV files: RIFF/WAVE with 16-bit PCM samples (format 1, or the extensible
// format with the PCM sub-format), any channel count. Anything else — another sample
// format, a truncated or inconsistent file — is an error naming the file and the byte
// offset of the problem.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"

namespace tinysim {

struct WavAudio {
  uint32_t sample_rate = 0;  ///< frames per second
  unsigned channels = 0;
  std::vector<int16_t> samples;  ///< frame-major, channels per frame

  uint64_t frames() const { return channels == 0 ? 0 : samples.size() / channels; }
};

Result<WavAudio> read_wav(const std::string& path);
/// Parses the bytes of a WAV file; `file` names it in errors.
Result<WavAudio> parse_wav(const std::string& bytes, const std::string& file);

}  // namespace tinysim
