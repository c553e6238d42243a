#pragma once
// Writes WAV file bytes for the reader tests, field by field, so a test can break one.
#include <cstdint>
#include <string>
#include <vector>

namespace tinysim {

struct WavFields {
  uint16_t format = 1;
  uint16_t channels = 1;
  uint32_t rate = 16000;
  uint16_t bits = 16;
  std::vector<int16_t> samples;
  bool extensible = false;  ///< WAVE_FORMAT_EXTENSIBLE with `format` as the sub-format
};

inline void put16(std::string& b, uint32_t v) {
  b += static_cast<char>(v & 0xFF);
  b += static_cast<char>((v >> 8) & 0xFF);
}
inline void put32(std::string& b, uint32_t v) {
  put16(b, v & 0xFFFF);
  put16(b, v >> 16);
}

inline std::string wav_bytes(const WavFields& f) {
  std::string fmt;
  put16(fmt, f.extensible ? 0xFFFE : f.format);
  put16(fmt, f.channels);
  put32(fmt, f.rate);
  put32(fmt, f.rate * f.channels * f.bits / 8);
  put16(fmt, static_cast<uint32_t>(f.channels * f.bits / 8));
  put16(fmt, f.bits);
  if (f.extensible) {
    put16(fmt, 22);      // extension size
    put16(fmt, f.bits);  // valid bits
    put32(fmt, 0);       // channel mask
    put16(fmt, f.format);
    fmt += std::string("\x00\x00\x00\x00\x10\x00\x80\x00\x00\xAA\x00\x38\x9B\x71", 14);
  }
  std::string data;
  for (int16_t s : f.samples) put16(data, static_cast<uint16_t>(s));
  std::string b = "RIFF";
  put32(b, static_cast<uint32_t>(4 + 8 + fmt.size() + 8 + data.size()));
  b += "WAVEfmt ";
  put32(b, static_cast<uint32_t>(fmt.size()));
  b += fmt + "data";
  put32(b, static_cast<uint32_t>(data.size()));
  return b + data;
}

}  // namespace tinysim
