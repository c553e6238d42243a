// libFuzzer target for the WAV reader (simulator/sensors/wav_file): any bytes must give
// an error naming the file and a byte offset inside the input, or 16-bit PCM audio whose
// samples are a whole number of frames.
#include <stddef.h>
#include <stdint.h>

#include <string>

#include "sensors/wav_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  auto audio = tinysim::parse_wav(bytes, "fuzz.wav");
  if (audio) {
    if (audio->channels == 0 || audio->sample_rate == 0 || audio->samples.size() % audio->channels != 0 ||
        audio->samples.size() * 2 > size) {
      __builtin_trap();
    }
  } else {
    const tinysim::Error& e = audio.error();
    if (e.file != "fuzz.wav" || e.message.rfind("byte ", 0) != 0) __builtin_trap();  // must say where
    if (std::stoull(e.message.substr(5)) > size) __builtin_trap();                      // inside the input
  }
  return 0;
}
