#pragma once
// A node with two sensors at one rate, merged frame by frame into the chip's one FIFO:
// "left" (2 channels, the ground truth: 2 s "low" at -1000 counts, 1 s "high" at
// +1000, and a constant 8) and "right" (1 channel, a 5 Hz tone of amplitude 200,
// labelled "other"). Windows of 7 merged frames (21 values) go to sign_classifier(21),
// which quantises each value to round(v / 100): left's majority decides the sign (a
// window's left sum is at least 10 away from 0, right's tone adds at most 5).
// Line numbers matter: the tests check them.
#include <string>

#include "scenario_files.h"

namespace tinysim::test {

inline const char* kTwoSensorsScenario = R"(name: two_sensors
device: nrf52840
model: sign.tflite
sensors:
  - name: left
    rate: 50 Hz
    channels: 2
    fifo_depth: 64
    current: 10 uA
    current_source: "test figure: left"
    source:
      generator: tones
      segments:
        - {label: low, duration: 2 s, tones: [{offset: -1000}, {offset: 8}]}
        - {label: high, duration: 1 s, tones: [{offset: 1000}, {offset: 8}]}
  - name: right
    rate: 50 Hz
    channels: 1
    current: 3 uA
    current_source: "test figure: right"
    source:
      generator: tones
      segments:
        - {label: other, duration: 1 s, tones: {amplitude: 200, frequency: 5 Hz}}
labels: left
inference:
  window: 7
  stride: 3
classes: [low, high]
duration: 30 s
seed: 5
battery: cr2032
)";

/// kTwoSensorsScenario with the first occurrence of `from` replaced by `to`.
inline std::string two_sensors_with(const std::string& from, const std::string& to) {
  return replace_first(kTwoSensorsScenario, from, to);
}

}  // namespace tinysim::test
