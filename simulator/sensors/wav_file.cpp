#include "sensors/wav_file.h"

#include <fstream>
#include <sstream>

namespace tinysim {
namespace {

uint32_t le32(const std::string& b, size_t at) {
  return static_cast<uint32_t>(static_cast<uint8_t>(b[at])) | static_cast<uint32_t>(static_cast<uint8_t>(b[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<uint8_t>(b[at + 2])) << 16 |
         static_cast<uint32_t>(static_cast<uint8_t>(b[at + 3])) << 24;
}

uint16_t le16(const std::string& b, size_t at) {
  return static_cast<uint16_t>(static_cast<uint8_t>(b[at]) | static_cast<uint8_t>(b[at + 1]) << 8);
}

std::string format_name(uint16_t tag) {
  switch (tag) {
    case 1: return "integer PCM";
    case 2: return "ADPCM";
    case 3: return "IEEE float";
    case 6: return "A-law";
    case 7: return "mu-law";
    default: return "format tag " + std::to_string(tag);
  }
}

// The PCM sub-format GUID of WAVE_FORMAT_EXTENSIBLE after its first two bytes (the tag):
// 0000-0010-8000-00AA00389B71.
const char kPcmGuidTail[] = "\x00\x00\x00\x00\x10\x00\x80\x00\x00\xAA\x00\x38\x9B\x71";

}  // namespace

Result<WavAudio> read_wav(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("cannot open the WAV file", path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return parse_wav(bytes.str(), path);
}

Result<WavAudio> parse_wav(const std::string& b, const std::string& file) {
  auto fail = [&](size_t offset, const std::string& message) {
    return make_error("byte " + std::to_string(offset) + ": " + message, file);
  };
  if (b.size() < 12 || b.compare(0, 4, "RIFF") != 0 || b.compare(8, 4, "WAVE") != 0) {
    return fail(0, "not a WAV file: expected a RIFF/WAVE header");
  }
  WavAudio audio;
  bool have_format = false;
  size_t at = 12;
  while (at + 8 <= b.size()) {
    const std::string id = b.substr(at, 4);
    const uint32_t size = le32(b, at + 4);
    const size_t body = at + 8;
    if (size > b.size() - body) {
      return fail(at, "truncated: the '" + id + "' chunk declares " + std::to_string(size) + " bytes, " +
                          std::to_string(b.size() - body) + " follow");
    }
    if (id == "fmt ") {
      if (size < 16) return fail(at, "the fmt chunk has " + std::to_string(size) + " bytes, expected at least 16");
      uint16_t tag = le16(b, body);
      const uint16_t channels = le16(b, body + 2);
      const uint32_t rate = le32(b, body + 4);
      const uint16_t block_align = le16(b, body + 12);
      const uint16_t bits = le16(b, body + 14);
      if (tag == 0xFFFE) {  // extensible: the real format is the sub-format GUID
        if (size < 40) return fail(at, "the extensible fmt chunk has " + std::to_string(size) + " bytes, expected 40");
        tag = b.compare(body + 26, 14, std::string(kPcmGuidTail, 14)) == 0 ? le16(b, body + 24) : 0xFFFE;
      }
      if (tag != 1) return fail(body, format_name(tag) + " samples are not supported: expected 16-bit integer PCM");
      if (bits != 16) {
        return fail(body + 14, std::to_string(bits) + "-bit samples are not supported: expected 16-bit integer PCM");
      }
      if (channels == 0) return fail(body + 2, "zero channels");
      if (rate == 0) return fail(body + 4, "a sample rate of 0 Hz");
      if (block_align != channels * 2u) {
        return fail(body + 12, "block align " + std::to_string(block_align) + " does not match " +
                                   std::to_string(channels) + " channels of 16 bits");
      }
      audio.channels = channels;
      audio.sample_rate = rate;
      have_format = true;
    } else if (id == "data") {
      if (!have_format) return fail(at, "the data chunk comes before any fmt chunk");
      const uint32_t frame_bytes = 2u * audio.channels;
      if (size % frame_bytes != 0) {
        return fail(at, "truncated: the data chunk has " + std::to_string(size) + " bytes, not a whole number of " +
                            std::to_string(frame_bytes) + "-byte frames");
      }
      audio.samples.resize(size / 2);
      for (size_t i = 0; i < audio.samples.size(); ++i) audio.samples[i] = static_cast<int16_t>(le16(b, body + 2 * i));
      return audio;
    }
    at = body + size + (size & 1u);  // chunks are padded to an even size
  }
  return fail(b.size(), have_format ? "no data chunk" : "no fmt chunk");
}

}  // namespace tinysim
