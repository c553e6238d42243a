#pragma once
// The scenario the tests run: a 50 Hz stream alternating 2 s "low" (-1000 counts) and
// 1 s "high" (+1000), windows of 7 frames every 3 (odd: a window's label is never a
// tie), classified by sign_classifier(7).
// Line numbers matter: the parser tests check them.
#include <string>

#include "scenario_files.h"

namespace tinysim::test {

inline const char* kTonesScenario = R"(name: tones
device: nrf52840
model: sign.tflite
sensors:
  - name: accelerometer
    rate: 50 Hz
    channels: 1
    source:
      generator: tones
      noise: 50
      segments:
        - {label: low, duration: 2 s, tones: {offset: -1000}}
        - {label: high, duration: 1 s, tones: {offset: 1000}}
inference:
  window: 7
  stride: 3
classes: [low, high]
events: [high]
duration: 30 s
seed: 5
battery: cr2032
radio: {on: [high], bytes: 20}
expect:
  accuracy: ">= 99 %"
  false_activations_per_hour: "<= 0"
  latency_p99: "<= 5 ms"
  dropped_samples: "== 0"
)";

/// kTonesScenario with the first occurrence of `from` replaced by `to`.
inline std::string tones_scenario_with(const std::string& from, const std::string& to) {
  return replace_first(kTonesScenario, from, to);
}

}  // namespace tinysim::test
